// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/context.h"
#include "dimo/core/result.h"
#include "dimo/job.h"

#include <QJsonObject>

namespace dimo {

// Obtains a vehicle JWT for exactly `privileges`, after the access check that no caller can
// skip: one Identity query (`VehicleSacd`: the owner and OUR grant, `sacd(grantee: <client id>)`)
// → in user mode NotSignedIn without a session and NotOwner unless the signed-in wallet owns the
// vehicle (fleet mode skips ownership) → NotShared / MissingPrivilege unless our grant covers the
// request → the exchange of the developer JWT (legacy body {nftContractAddress, privileges,
// tokenId}); a 401 from the exchange refreshes the developer JWT once.
class VehicleJwtJob : public TypedJob<VehicleJwtJob, QString>
{
    Q_OBJECT
public:
    VehicleJwtJob(ContextPtr context, qint64 tokenId, const QList<int> &privileges, QObject *parent = nullptr);

    // NotShared / MissingPrivilege for the SACD node (null if not shared) against the request.
    static Error grantError(
        qint64 tokenId, const QString &clientId, const QList<int> &granted, const QList<int> &needed, bool shared);
    // A refused exchange for AttestationEvents (400/403) in words: the share lacks attestations, how to re-share.
    static Error attestationRefusal(qint64 tokenId, const Error &exchange);
    // The access check on a VehicleSacd/VehicleDetails `vehicle` node, or success.
    static Status
    checkAccess(const Context &context, qint64 tokenId, const QJsonObject &vehicle, const QList<int> &needed);

Q_SIGNALS:
    void finished(const dimo::Result<QString> &vehicleJwt);

protected:
    void doStart() override;

private:
    void handleSacd(const Result<QJsonObject> &data);
    void handleExchange(const Result<QJsonObject> &body);

    ContextPtr m_context;
    qint64 m_tokenId;
    QList<int> m_privileges;
};

} // namespace dimo
