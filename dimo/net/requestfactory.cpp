// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/net/requestfactory.h"

#include <QUuid>

#ifndef DIMOTRAY_VERSION
#define DIMOTRAY_VERSION "0.0.0"
#endif

namespace dimo {

QByteArray RequestFactory::userAgent()
{
    return QByteArrayLiteral("dimo-tray/" DIMOTRAY_VERSION);
}

QString RequestFactory::newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QNetworkRequest RequestFactory::build(const HttpRequest &request, const TransportOptions &options, const QString &id)
{
    QNetworkRequest r(request.url);
    r.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    r.setRawHeader(QByteArrayLiteral("X-Request-Id"), id.toLatin1());
    r.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    r.setTransferTimeout(options.transferTimeoutMs);
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    if (!request.contentType.isEmpty()) {
        r.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
    }
    if (!request.bearer.isEmpty()) {
        r.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + request.bearer.toLatin1());
    }
    return r;
}

} // namespace dimo
