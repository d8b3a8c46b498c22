// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/error.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QString>

namespace dimo {

// Maps transport failures and DIMO error bodies (dimo-api README §1.5: {code,message},
// plain-text JWT middleware, {status,message}, OAuth {error,error_description}, ProblemDetails,
// GraphQL errors[]) to dimo::Error, keeping DIMO's message in `detail` and adding what to do next.
namespace replyerror {
Error fromNetwork(
    QNetworkReply::NetworkError code, const QString &errorString, bool timedOut, const QString &service, int timeoutMs);
Error fromStatus(int status, const QByteArray &body, const QString &service);
// DIMO's own words from any of the body families; plain text/HTML is stripped and shortened.
QString upstreamMessage(const QByteArray &body);
QString serviceLabel(const QString &service); // "the auth service"
} // namespace replyerror

} // namespace dimo
