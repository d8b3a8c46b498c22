// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: classification of DIMO's error answers: a GraphQL `errors` array
// (dimo::GraphQlJob::classifyErrors) and an HTTP error body (dimo::replyerror::fromStatus). The
// first input byte picks the service and the HTTP status; the rest is the body. Invariants: no
// crash; every classified error has a message a user can read (non-empty, no raw NUL).
#include "dimo/core/error.h"
#include "dimo/graphql/graphqljob.h"
#include "dimo/net/replyerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cstdint>

#include "fuzzsupport.h"

using namespace Qt::StringLiterals;

namespace {

void checkError(const dimo::Error &e)
{
    fuzz::check(!e.message.isEmpty(), "a classified error has a message");
    fuzz::check(!e.message.contains(QChar(0)), "a message carries no NUL");
    fuzz::check(!e.toString().isEmpty(), "a classified error renders");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApp();
    if (size == 0) {
        return 0;
    }
    static const QString services[] = {u"identity"_s,
                                       u"telemetry"_s,
                                       u"auth"_s,
                                       u"tokenExchange"_s,
                                       u"teslaOracle"_s,
                                       u"attestation"_s,
                                       u"deviceDefinitions"_s};
    static const int statuses[] = {400, 401, 402, 403, 404, 409, 422, 429, 500, 502, 503, 504};
    const QString service = services[data[0] % 7];
    const int status = statuses[(data[0] >> 3) % 12];
    const QByteArray body(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));

    checkError(dimo::replyerror::fromStatus(status, body, service));
    (void)dimo::replyerror::upstreamMessage(body);

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    QJsonArray errors;
    if (doc.isArray()) {
        errors = doc.array();
    } else if (doc.isObject()) {
        errors = doc.object().value(u"errors"_s).toArray();
    } else {
        errors = QJsonArray{QJsonObject{{u"message"_s, QString::fromUtf8(body)}}};
    }
    const dimo::Error e = dimo::GraphQlJob::classifyErrors(errors, service);
    checkError(e);
    return 0;
}
