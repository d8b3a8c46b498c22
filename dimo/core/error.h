// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonValue>
#include <QString>

namespace dimo {

// One error type for every DIMO failure. `message` says what went wrong, `hint` what to do
// next, `detail` carries DIMO's own words (upstream message, GraphQL paths) unchanged.
struct Error
{
    enum class Kind {
        Network, // connection refused, DNS, TLS, reset
        Timeout, // transfer timeout elapsed
        HttpStatus, // an unexpected HTTP status not covered by a more specific kind
        Unauthorized, // 401 / rejected credentials or token
        GraphQlValidation, // HTTP 422: the document does not match the schema
        GraphQlExecution, // HTTP 200 with errors[] (authorization, credits, not found ...)
        RateLimited, // 429 after retries
        Parse, // a response body we could not understand
        NotSignedIn, // a user session is needed
        NotShared, // the vehicle is not shared with this license
        NotOwner, // the signed-in wallet does not own the vehicle
        MissingPrivilege, // shared, but without the privilege the operation needs
        InvalidInput, // rejected before sending anything
        Cancelled, // the caller cancelled the job
    };

    Kind kind = Kind::Network;
    QString message;
    QString hint;
    QString detail;
    int httpStatus = 0;
    QString requestId;
    int privilege = 0; // for MissingPrivilege: the DIMO privilege id the owner must share
    QJsonValue partialData; // GraphQL `data` that came with the errors, never dropped

    static Error make(Kind k, const QString &msg, const QString &nextStep = {}, const QString &upstream = {})
    {
        Error e;
        e.kind = k;
        e.message = msg;
        e.hint = nextStep;
        e.detail = upstream;
        return e;
    }

    // "message (DIMO: detail) — hint" for logs and tool output.
    QString toString() const
    {
        QString s = message;
        if (!detail.isEmpty()) {
            s += QStringLiteral(" (DIMO: ") + detail + QStringLiteral(")");
        }
        if (httpStatus != 0) {
            s += QStringLiteral(" [HTTP ") + QString::number(httpStatus) + QStringLiteral("]");
        }
        if (!hint.isEmpty()) {
            s += QStringLiteral(" \u2014 ") + hint;
        }
        return s;
    }
};

} // namespace dimo
