// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/auth/tokenexpiry.h"
#include "dimo/auth/usersession.h"
#include "dimo/credentials.h"
#include "dimo/environment.h"
#include "dimo/net/httptypes.h"

#include <QPointer>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace dimo {

class DeveloperJwtCache;
class TokenStore;
class VehicleJwtCache;

struct ClientOptions
{
    TransportOptions transport;
    Clock clock = systemClock();
    bool fleetMode = false; // a fleet license: skip ownership checks (grants are still checked)
};

// What every job of one dimo::Client shares: the network manager, transport options,
// environment, license credentials, clock, mode, the signed-in user and the token caches.
// The Client owns it and changes it (setCredentials, signOut …); jobs receive it as their one
// ContextPtr argument and read it when they run. The caches are QObjects owned by the Client:
// a job that outlives its Client finds them null.
struct Context
{
    QNetworkAccessManager *nam = nullptr;
    TransportOptions transport;
    Environment env;
    Credentials credentials;
    Clock clock = systemClock();
    bool fleetMode = false;
    std::optional<UserSession> session;
    QPointer<DeveloperJwtCache> developerJwt;
    QPointer<VehicleJwtCache> vehicleJwt;
    TokenStore *tokenStore = nullptr; // optional, not owned

    qint64 now() const { return clock(); } // seconds since the epoch, through the injected clock

    static std::shared_ptr<Context>
    create(QNetworkAccessManager *nam, const Environment &env, const Credentials &credentials, const ClientOptions &o)
    {
        auto c = std::make_shared<Context>();
        c->nam = nam;
        c->transport = o.transport;
        c->env = env;
        c->credentials = credentials;
        c->clock = o.clock;
        c->fleetMode = o.fleetMode;
        return c;
    }
};

using ContextPtr = std::shared_ptr<Context>;

} // namespace dimo
