// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/attestation.h"
#include "dimo/commands.h"
#include "dimo/core/result.h"
#include "dimo/devicedefinitions.h"
#include "dimo/environment.h"
#include "dimo/net/httptypes.h"

#include <QList>
#include <QPair>

namespace dimo::requests {

// One builder per REST endpoint the library calls. Each validates its input and names the
// service, method, body and whether the request may be retried (never for side effects).
using Form = QList<QPair<QString, QString>>;

// auth: POST /auth/web3/generate_challenge (retryable) and submit_challenge (never resent: single-use state).
HttpRequest generateChallenge(const Environment &env, const Form &form);
HttpRequest submitChallenge(const Environment &env, const Form &form);
// auth: GET /keys (the JWKS).
HttpRequest jwks(const Environment &env);
// token exchange: POST /v1/tokens/exchange {nftContractAddress, privileges, tokenId}.
Result<HttpRequest> tokenExchange(const Environment &env, qint64 tokenId, const QList<int> &privileges);
// tesla-oracle POST /v1/commands/{tokenId} {"command": …}; the legacy devices-api route only if the
// environment names `devices` and not `teslaOracle`. Never retried.
Result<HttpRequest> command(const Environment &env, qint64 tokenId, Command command);
// tesla-oracle GET /v1/{tokenId}/status with a wallet (user) JWT: why a Tesla can or cannot take
// commands ({"action", "message", "next"}).
Result<HttpRequest> teslaStatus(const Environment &env, qint64 tokenId);
// credit-tracker GET /v1/credits/{licenseId}/assets/{vehicle DID}/usage?fromDate=… with the license's
// developer JWT (its ethereum_address must be licenseId): the vehicle's balance and use since `fromSecs`.
Result<HttpRequest> vehicleCredits(const Environment &env, const QString &licenseId, qint64 tokenId, qint64 fromSecs);
// attestation POST /v2/attestation/… (never retried: every call creates a new attestation).
Result<HttpRequest> attestation(const Environment &env, const AttestationRequest &request);
// device definitions POST /device-definitions/decode-vin (needs a developer JWT).
Result<HttpRequest> decodeVin(const Environment &env, const QString &vin, const QString &countryCode);
// device definitions GET /device-definitions/search (public).
Result<HttpRequest> searchDeviceDefinitions(const Environment &env, const devicedefinitions::Search &search);

} // namespace dimo::requests
