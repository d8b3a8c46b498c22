// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/graphql/requests.h"

#include "dimo/attestation.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

static void initDimoGraphQlResources()
{
    Q_INIT_RESOURCE(dimo_graphql);
}

namespace dimo::graphql {
namespace {

Error badTokenId()
{
    return Error::make(Error::Kind::InvalidInput, u"the vehicle token id must be a positive integer"_s);
}

} // namespace

QString load(const QString &relativePath)
{
    static const bool once = [] {
        initDimoGraphQlResources();
        return true;
    }();
    Q_UNUSED(once);
    QFile f(u":/dimo/graphql/"_s + relativePath);
    const bool opened = f.open(QIODevice::ReadOnly);
    Q_ASSERT_X(opened, "graphql::load", "missing embedded .graphql document");
    return opened ? QString::fromUtf8(f.readAll()) : QString();
}

GraphQlRequest identityDocument(const Environment &env,
                                const QString &document,
                                const QJsonObject &variables,
                                const QString &operationName)
{
    return GraphQlRequest{
        Environment::endpoint(env.identity, u"/query"_s), u"identity"_s, document, variables, operationName};
}

GraphQlRequest identity(const Environment &env, const QString &operation, const QJsonObject &variables)
{
    return identityDocument(env, load(u"identity/%1.graphql"_s.arg(operation)), variables, operation);
}

Result<GraphQlRequest> telemetry(const Environment &env,
                                 qint64 tokenId,
                                 const QString &document,
                                 QJsonObject variables,
                                 const QString &operationName)
{
    if (tokenId <= 0) {
        return badTokenId();
    }
    if (!variables.contains(u"tokenId"_s)) {
        variables.insert(u"tokenId"_s, tokenId);
    }
    return GraphQlRequest{
        Environment::endpoint(env.telemetry, u"/query"_s), u"telemetry"_s, document, variables, operationName};
}

Result<GraphQlRequest> telemetryOperation(const Environment &env, qint64 tokenId, const QString &operation)
{
    return telemetry(env, tokenId, load(u"telemetry/%1.graphql"_s.arg(operation)), {}, operation);
}

Result<GraphQlRequest>
signalHistory(const Environment &env, qint64 tokenId, const QString &from, const QString &to, const QString &interval)
{
    static const QRegularExpression duration(QStringLiteral("^[1-9][0-9]*(ms|s|m|h)$"));
    const auto start = parseRfc3339(from, u"from"_s);
    if (!start) {
        return start.error();
    }
    const auto end = parseRfc3339(to, u"to"_s);
    if (!end) {
        return end.error();
    }
    if (start.value() >= end.value()) {
        return Error::make(Error::Kind::InvalidInput, u"from must be before to"_s);
    }
    if (start.value().secsTo(end.value()) > 31LL * 86400) {
        return Error::make(Error::Kind::InvalidInput, u"the history range cannot exceed 31 days"_s);
    }
    if (!duration.match(interval).hasMatch()) {
        return Error::make(Error::Kind::InvalidInput,
                           u"the interval must be a duration such as 15m, 1h or 24h (units ms, s, m, h; no d); "
                           "you gave \"%1\""_s.arg(interval));
    }
    const QJsonObject vars{{u"interval"_s, interval},
                           {u"from"_s, start.value().toString(Qt::ISODate)},
                           {u"to"_s, end.value().toString(Qt::ISODate)}};
    return telemetry(env, tokenId, load(u"telemetry/SignalsHistory.graphql"_s), vars, u"SignalsHistory"_s);
}

GraphQlRequest introspection(const Environment &env, const QString &service)
{
    const bool isTelemetry = service == QLatin1String("telemetry");
    return GraphQlRequest{Environment::endpoint(isTelemetry ? env.telemetry : env.identity, u"/query"_s),
                          isTelemetry ? u"telemetry"_s : u"identity"_s,
                          load(u"identity/IntrospectionQuery.graphql"_s),
                          {},
                          u"IntrospectionQuery"_s};
}

} // namespace dimo::graphql
