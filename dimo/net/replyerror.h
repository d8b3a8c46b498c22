// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/error.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QString>

namespace dimo::replyerror {
Error fromNetwork(
    QNetworkReply::NetworkError code, const QString &errorString, bool timedOut, const QString &service, int timeoutMs);
Error fromStatus(int status, const QByteArray &body, const QString &service);
// DIMO's own words from any of the body families; plain text/HTML is stripped and shortened.
QString upstreamMessage(const QByteArray &body);
QString serviceLabel(const QString &service); // "the auth service"
} // namespace dimo::replyerror
