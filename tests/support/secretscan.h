// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDirIterator>
#include <QFile>
#include <QStringList>

namespace testsupport {

// Files under `dir` (hidden ones too, recursively) whose bytes contain `needle`: where a secret
// must never be written.
inline QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle)) {
            hits << f.fileName();
        }
    }
    return hits;
}

} // namespace testsupport
