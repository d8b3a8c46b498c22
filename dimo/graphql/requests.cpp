// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/graphql/requests.h"

#include <QFile>

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
