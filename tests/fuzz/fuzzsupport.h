// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Shared by the libFuzzer targets in tests/fuzz: a QCoreApplication made once (Qt's file, URL and
// timer code expects one), and an abort that names the broken invariant on stderr, so a crash
// report says more than "deadly signal".
#include <QByteArray>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <cstdlib>
#include <utility>

namespace fuzz {

inline void ensureApp()
{
    static QCoreApplication *app = [] {
        static int argc = 1;
        static char name[] = "fuzz";
        static char *argv[] = {name, nullptr};
        return new QCoreApplication(argc, argv); // never exec()'d
    }();
    (void)app;
}

[[noreturn]] inline void fail(const char *invariant)
{
    std::fprintf(stderr, "fuzz: invariant broken: %s\n", invariant);
    std::abort();
}

inline void check(bool ok, const char *invariant)
{
    if (!ok) {
        fail(invariant);
    }
}

// Splits the input at the first NUL byte: two independent inputs from one.
inline std::pair<QByteArray, QByteArray> split(const QByteArray &input)
{
    const qsizetype at = input.indexOf('\0');
    if (at < 0) {
        return {input, {}};
    }
    return {input.left(at), input.mid(at + 1)};
}

} // namespace fuzz
