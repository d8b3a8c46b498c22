// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/graphql/graphqljob.h"

#include "dimo/core/privileges.h"
#include "dimo/net/apicalljob.h"
#include "dimo/net/replyerror.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace dimo {
namespace {

int privilegeFromMessage(const QString &message)
{
    static const QRegularExpression re(QStringLiteral("privilege:([A-Za-z]+)"));
    auto it = re.globalMatch(message);
    int found = 0;
    while (it.hasNext()) {
        const QString name = u"privilege:"_s + it.next().captured(1);
        for (int id = 1; id <= 8; ++id) {
            if (privilege::permissionName(id) == name && (found == 0 || id == privilege::AllTimeLocation)) {
                found = id; // for "one of [8 4]" name 4, the full location privilege
            }
        }
    }
    return found;
}

QString rootWords(const QString &root)
{
    static const QHash<QString, QString> words{{u"aftermarketDevice"_s, u"aftermarket device"_s},
                                               {u"syntheticDevice"_s, u"synthetic device"_s},
                                               {u"developerLicense"_s, u"developer license"_s},
                                               {u"deviceDefinition"_s, u"device definition"_s},
                                               {u"dcn"_s, u"DCN"_s}};
    return words.value(root, root);
}

// The root field every error is a not-found for, or empty.
QString notFoundRoot(const QJsonArray &errors)
{
    QString root;
    for (const QJsonValue &v : errors) {
        const QJsonArray path = v.toObject().value(u"path"_s).toArray();
        if (!GraphQlJob::isNotFound(v.toObject()) || path.size() != 1
            || (!root.isEmpty() && root != path[0].toString())) {
            return {};
        }
        root = path[0].toString();
    }
    return root;
}

} // namespace

bool GraphQlJob::isNotFound(const QJsonObject &error)
{
    const QString msg = error.value(u"message"_s).toString();
    return error.value(u"extensions"_s).toObject().value(u"code"_s).toString() == QLatin1String("NOT_FOUND")
        || msg == QLatin1String("sql: no rows in result set") || msg == QLatin1String("not found")
        || msg == QLatin1String("no device definition found with that id");
}

Error GraphQlJob::notFound(const QString &root, const QString &identifier, const QString &detail)
{
    const QString what = rootWords(root);
    Error e =
        Error::make(Error::Kind::GraphQlExecution,
                    identifier.isEmpty() ? u"DIMO Identity has no such %1"_s.arg(what)
                                         : u"DIMO Identity has no %1 with %2"_s.arg(what, identifier),
                    u"Check the identifier: DIMO knows only what is minted on its registry%1."_s.arg(
                        root == u"vehicle"_s ? u" (list the shared vehicles to see valid token ids)"_s : QString()),
                    detail);
    return e;
}

bool GraphQlJob::isNotFoundFor(const Error &error, const QString &root)
{
    const QJsonObject data = error.partialData.toObject();
    return error.kind == Error::Kind::GraphQlExecution && data.contains(root) && data.value(root).isNull()
        && error.message == notFound(root, {}).message;
}

GraphQlJob::GraphQlJob(ContextPtr context, GraphQlRequest request, std::optional<TokenSource> token, QObject *parent)
    : TypedJob(parent)
    , m_context(std::move(context))
    , m_request(std::move(request))
    , m_token(std::move(token))
{}

Error GraphQlJob::classifyErrors(const QJsonArray &errors, const QString &service)
{
    const QString detail = replyerror::upstreamMessage(QJsonDocument(QJsonObject{{u"errors"_s, errors}}).toJson());
    const QString label = replyerror::serviceLabel(service);
    if (service == u"identity"_s) {
        if (const QString root = notFoundRoot(errors); !root.isEmpty()) {
            return notFound(root, {}, detail);
        }
    }
    for (const QJsonValue &v : errors) {
        const QJsonObject o = v.toObject();
        const QString msg = o.value(u"message"_s).toString();
        if (msg.contains(u"missing required privilege"_s)
            || msg.contains(u"requires at least one of the following"_s)) {
            Error e = Error::make(Error::Kind::MissingPrivilege, {}, {}, detail);
            e.privilege = privilegeFromMessage(msg);
            e.message = u"the vehicle's data needs %1, which this app's token does not carry"_s.arg(
                privilege::describe(e.privilege));
            e.hint =
                u"Ask the vehicle owner to share %1 with this app via Login with DIMO, or leave those fields out."_s
                    .arg(privilege::describe(e.privilege));
            return e;
        }
    }
    for (const QJsonValue &v : errors) {
        const QJsonObject o = v.toObject();
        const QString msg = o.value(u"message"_s).toString();
        const QJsonObject ext = o.value(u"extensions"_s).toObject();
        if (msg.contains(u"exceed the maximum execution time"_s)) {
            // telemetry-api repositories.go handleDBError: the query hit MAX_REQUEST_DURATION (30 s in prod,
            // charts/telemetry-api/values-prod.yaml) or ClickHouse's estimate of it; the same query fails again.
            return Error::make(Error::Kind::GraphQlExecution,
                               u"the %1 stopped the query at its 30 s time limit"_s.arg(label),
                               u"Ask for less: a shorter time range, a larger interval or fewer signals (split the "
                               "range into parts); sending the same query again hits the same limit."_s,
                               detail);
        }
        if (msg.contains(u"insufficient credits"_s) || ext.value(u"code"_s).toInt() == 402) {
            return Error::make(Error::Kind::GraphQlExecution,
                               u"the developer license has run out of DIMO credits"_s,
                               u"Top up DIMO credits for the license in the DIMO developer console."_s,
                               detail);
        }
        if (msg == QLatin1String("invalid claims")
            && o.value(u"path"_s).toArray().at(0).toString() == u"attestations"_s) {
            // telemetry-api's attestation check (auth/telemetry_claim.go ValidRequest): the vehicle token
            // needs a cloud-event grant for dimo.attestation on this vehicle; privileges do not count.
            return Error::make(
                Error::Kind::GraphQlExecution,
                u"the vehicle token carries no attestation grant, which DIMO Telemetry needs to show attestations"_s,
                u"Attestations are shared separately from privileges: ask the vehicle owner to share the vehicle "
                "again via Login with DIMO with access to its attestations (cloud events of type dimo.attestation)."_s,
                detail);
        }
        if (msg.contains(u"unauthorized"_s)) {
            return Error::make(Error::Kind::GraphQlExecution,
                               u"the %1 refused the query for this vehicle"_s.arg(label),
                               u"The vehicle token does not match the requested vehicle; query the vehicle the "
                               "token was issued for."_s,
                               detail);
        }
        if (ext.value(u"code"_s).toString() == QLatin1String("NOT_FOUND")) {
            return Error::make(Error::Kind::GraphQlExecution,
                               u"DIMO does not know the requested item"_s,
                               u"Check the token id."_s,
                               detail);
        }
    }
    return Error::make(Error::Kind::GraphQlExecution,
                       u"the %1 reported an error"_s.arg(label),
                       u"See DIMO's message; adjust the query arguments."_s,
                       detail);
}

void GraphQlJob::doStart()
{
    QJsonObject body{{u"query"_s, m_request.document}, {u"variables"_s, m_request.variables}};
    if (!m_request.operationName.isEmpty()) {
        body.insert(u"operationName"_s, m_request.operationName);
    }
    HttpRequest http;
    http.method = QByteArrayLiteral("POST");
    http.url = m_request.url;
    http.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    http.contentType = QByteArrayLiteral("application/json");
    http.service = m_request.service;
    http.idempotent = true; // queries only: the library sends no mutations
    startChild(new ApiCallJob(m_context, std::move(http), m_token), [this](const Result<QJsonObject> &r) {
        if (!r) {
            finish(r.error());
            return;
        }
        const QJsonObject &obj = r.value();
        const QJsonArray errors = obj.value(u"errors"_s).toArray();
        if (!errors.isEmpty()) {
            Error e = classifyErrors(errors, m_request.service);
            e.httpStatus = 200;
            e.partialData = obj.value(u"data"_s);
            finish(e);
            return;
        }
        if (!obj.value(u"data"_s).isObject()) {
            finish(Error::make(Error::Kind::Parse,
                               u"the %1 answered without data"_s.arg(replyerror::serviceLabel(m_request.service))));
            return;
        }
        finish(obj.value(u"data"_s).toObject());
    });
}

} // namespace dimo
