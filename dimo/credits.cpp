// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/credits.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace dimo::credits {

QString vehicleDid(const Environment &env, qint64 tokenId)
{
    return u"did:erc721:%1:%2:%3"_s.arg(env.chainId).arg(env.vehicleNftAddress).arg(tokenId);
}

Result<VehicleCredits> parseVehicleCredits(qint64 tokenId, const QJsonObject &body)
{
    const QJsonValue remaining = body.value(u"currentCreditsRemaining"_s);
    if (!remaining.isDouble()) {
        return Error::make(
            Error::Kind::Parse,
            u"DIMO's credit-tracker answered without currentCreditsRemaining for vehicle %1"_s.arg(tokenId),
            u"This is on DIMO's side: credit-tracker's answer has changed shape; report it to the DIMO Tray developers."_s);
    }
    VehicleCredits c;
    c.tokenId = tokenId;
    c.remaining = remaining.toInteger();
    c.usedInPeriod = body.value(u"numOfCreditsUsed"_s).toInteger();
    return c;
}

} // namespace dimo::credits
