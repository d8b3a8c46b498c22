// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"
#include "dimo/environment.h"

#include <QJsonObject>
#include <QString>

namespace dimo::credits {

// DIMO meters API use in credits held per (developer license, vehicle): credit-tracker's
// GET /v1/credits/{license}/assets/{vehicle DID}/usage answers the vehicle's balance now and what
// was used since `fromDate` (tests/dimosim/FIDELITY.md, "credit-tracker"). No route answers a
// balance for the whole license.
struct VehicleCredits
{
    qint64 tokenId = 0;
    qint64 remaining = 0; // currentCreditsRemaining: unexpired grants minus use, now
    qint64 usedInPeriod = 0; // numOfCreditsUsed since the request's fromDate
};

// The period the usage is read for: grants expire a month after they are bought.
constexpr int PeriodDays = 30;
// Below this a vehicle counts as low on credits.
constexpr qint64 LowCredits = 50;

// did:erc721:<chain id>:<vehicle NFT contract>:<token id>
QString vehicleDid(const Environment &env, qint64 tokenId);
// credit-tracker's LicenseAssetUsageReport; a body without a numeric balance is a Parse error.
Result<VehicleCredits> parseVehicleCredits(qint64 tokenId, const QJsonObject &body);

} // namespace dimo::credits
