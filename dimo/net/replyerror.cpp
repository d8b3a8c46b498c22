// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/net/replyerror.h"

#include "dimo/core/privileges.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace dimo::replyerror {
namespace {

QString graphQlMessages(const QJsonArray &errors)
{
    QStringList parts;
    for (const QJsonValue &e : errors) {
        const QJsonObject o = e.toObject();
        QString m = o.value(u"message"_s).toString();
        const QJsonObject where = o.value(u"locations"_s).toArray().first().toObject();
        if (where.contains(u"line"_s)) {
            m += u" (line %1, column %2)"_s.arg(where.value(u"line"_s).toInt()).arg(where.value(u"column"_s).toInt());
        }
        const QJsonArray path = o.value(u"path"_s).toArray();
        if (!path.isEmpty()) {
            QStringList p;
            for (const QJsonValue &seg : path) {
                p << (seg.isDouble() ? QString::number(seg.toInt()) : seg.toString());
            }
            m += u" (at "_s + p.join(u'.') + u")"_s;
        }
        parts << m;
    }
    return parts.join(u"; "_s);
}

QString authHint(const QString &upstream)
{
    if (upstream.contains(u"Could not verify signature"_s)) {
        return u"Check the API key: it must be a key generated for this client ID (an enabled signer of the "
               "developer license), and check that the client ID is right."_s;
    }
    if (upstream.contains(u"Invalid client_id"_s) || upstream.contains(u"invalid_client"_s)) {
        return u"Check the client ID: DIMO does not know this developer license."_s;
    }
    if (upstream.contains(u"redirect_uri"_s, Qt::CaseInsensitive)) {
        return u"Check the redirect URI: it must be registered for the license in the DIMO developer console, "
               "character for character."_s;
    }
    return u"Check the client ID, redirect URI and API key."_s;
}

} // namespace

QString serviceLabel(const QString &service)
{
    static const QHash<QString, QString> labels{{u"auth"_s, u"DIMO auth service"_s},
                                                {u"tokenExchange"_s, u"DIMO token exchange"_s},
                                                {u"identity"_s, u"DIMO Identity API"_s},
                                                {u"telemetry"_s, u"DIMO Telemetry API"_s},
                                                {u"devices"_s, u"DIMO devices API"_s},
                                                {u"teslaOracle"_s, u"DIMO Tesla command service (tesla-oracle)"_s},
                                                {u"attestation"_s, u"DIMO attestation API"_s},
                                                {u"deviceDefinitions"_s, u"DIMO device definitions API"_s}};
    return labels.value(service, service.isEmpty() ? u"DIMO"_s : service);
}

QString upstreamMessage(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        if (o.value(u"errors"_s).isArray()) {
            return graphQlMessages(o.value(u"errors"_s).toArray());
        }
        if (o.value(u"message"_s).isString()) {
            return o.value(u"message"_s).toString();
        }
        if (o.value(u"error_description"_s).isString()) {
            return o.value(u"error"_s).toString() + u": "_s + o.value(u"error_description"_s).toString();
        }
        if (o.value(u"detail"_s).isString()) {
            return o.value(u"detail"_s).toString();
        }
        if (o.value(u"title"_s).isString()) {
            return o.value(u"title"_s).toString();
        }
        if (o.value(u"error"_s).isString()) {
            return o.value(u"error"_s).toString();
        }
    }
    QString text = QString::fromUtf8(body.left(4096));
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    static const QRegularExpression space(QStringLiteral("\\s+"));
    text.replace(tags, u" "_s).replace(space, u" "_s);
    text = text.trimmed();
    if (text.size() > 300) {
        text = text.left(300) + u"…"_s;
    }
    return text;
}

Error fromNetwork(
    QNetworkReply::NetworkError code, const QString &errorString, bool timedOut, const QString &service, int timeoutMs)
{
    const QString label = serviceLabel(service);
    if (timedOut || code == QNetworkReply::TimeoutError) {
        return Error::make(Error::Kind::Timeout,
                           u"the %1 did not answer within %2 s"_s.arg(label).arg(timeoutMs / 1000.0),
                           u"Check the internet connection and try again; DIMO may be slow or down."_s,
                           errorString);
    }
    // Qt says "Unknown error" when a connection closes before the answer and the request cannot be
    // sent again (ContentReSendError: POST bodies); say what happened instead.
    const bool closed = code == QNetworkReply::RemoteHostClosedError || code == QNetworkReply::ContentReSendError;
    const QString detail = closed && (errorString.isEmpty() || errorString.startsWith(u"Unknown error"_s))
        ? u"the connection was closed before an answer arrived"_s
        : errorString;
    return Error::make(Error::Kind::Network,
                       u"cannot reach the %1"_s.arg(label),
                       u"Check the internet connection (and proxy settings), then try again."_s,
                       detail + u" (Qt network error %1)"_s.arg(static_cast<int>(code)));
}

Error fromStatus(int status, const QByteArray &body, const QString &service)
{
    const QString upstream = upstreamMessage(body);
    const QString label = serviceLabel(service);
    Error e = Error::make(Error::Kind::HttpStatus, u"the %1 answered HTTP %2"_s.arg(label).arg(status), {}, upstream);
    e.httpStatus = status;
    if (service == QLatin1String("auth") && (status == 400 || status == 401 || status == 404)) {
        e.kind = Error::Kind::Unauthorized;
        e.message = u"DIMO rejected the developer license credentials"_s;
        e.hint = authHint(upstream);
    } else if (status == 401) {
        e.kind = Error::Kind::Unauthorized;
        e.message = u"the %1 rejected the access token"_s.arg(label);
        e.hint = u"The token was refreshed automatically where allowed; try again, and sign in again if it "
                 "persists."_s;
    } else if (status == 403 && upstream.contains(u"lacks permissions"_s)) {
        static const QRegularExpression ids(QStringLiteral("lacks permissions \\[([0-9 ,]+)\\]"));
        const auto m = ids.match(upstream);
        e.kind = Error::Kind::MissingPrivilege;
        e.privilege = m.hasMatch() ? m.captured(1).split(QRegularExpression(u"[ ,]+"_s)).value(0).toInt() : 0;
        e.message = u"the vehicle is not shared with %1"_s.arg(privilege::describe(e.privilege));
        e.hint = u"Ask the vehicle owner to share %1 with this app via Login with DIMO."_s.arg(
            privilege::describe(e.privilege));
    } else if (status == 403 && upstream.contains(u"not a dev license"_s)) {
        e.kind = Error::Kind::Unauthorized;
        e.hint = u"Token exchange needs a developer JWT (from the API key), not a user JWT."_s;
    } else if (status == 422) {
        e.kind = Error::Kind::GraphQlValidation;
        e.message = u"the %1 rejected the query as invalid"_s.arg(label);
        e.hint = u"The query does not match DIMO's schema; fix the field or argument named in the message."_s;
    } else if (status == 429) {
        e.kind = Error::Kind::RateLimited;
        e.message = u"the %1 is rate limiting requests"_s.arg(label);
        e.hint = u"Wait a minute and try again, and make fewer requests."_s;
    } else if (status == 503) {
        // DIMO's ingress (ingress-nginx `limit-rps` in each service's values-prod.yaml) refuses requests over its
        // per-second budget with 503 and no Retry-After; an overloaded or restarting service answers the same, so
        // the kind stays HttpStatus (a command's outcome is then unknown, dimo/commands.cpp).
        e.message = u"the %1 is busy or rate limiting requests (HTTP 503)"_s.arg(label);
        e.hint = u"DIMO's gateway answers 503 when requests arrive faster than it allows per second: wait a few "
                 "seconds and send fewer requests at once. If it lasts for minutes, the service is down on DIMO's "
                 "side."_s;
    } else if (status >= 500) {
        e.message = u"the %1 failed (HTTP %2)"_s.arg(label).arg(status);
        e.hint = u"This is a problem on DIMO's side; try again later."_s;
    } else if (status == 404) {
        e.hint = u"Check the vehicle token id or the requested resource."_s;
    } else {
        e.hint = u"See DIMO's message for what to change."_s;
    }
    return e;
}

} // namespace dimo::replyerror
