// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

// A browser's visit to the headless login listener: one HTTP GET of the redirect's path and
// query on 127.0.0.1:port; answers the whole response (or "connect failed: …").
#include "tests/support/timeout.h"

#include <QAbstractSocket>
#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

namespace testsupport {

inline QByteArray deliverRedirect(quint16 port, const QUrl &redirect)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000)) {
        return "connect failed: " + socket.errorString().toUtf8();
    }
    socket.write("GET " + redirect.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority)
                 + " HTTP/1.1\r\nHost: localhost:8765\r\n\r\n");
    QByteArray response;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() != QAbstractSocket::UnconnectedState && timer.elapsed() < scaled(15000)) {
        QTest::qWait(10);
        response += socket.readAll();
    }
    return response + socket.readAll();
}

} // namespace testsupport
