// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/environment.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace dimo {
namespace {

QUrl root(const QString &s)
{
    QString t = s.trimmed();
    while (t.endsWith(u'/')) {
        t.chop(1);
    }
    return QUrl(t);
}

} // namespace

Environment Environment::production()
{
    Environment e;
    e.name = u"production"_s;
    e.auth = root(u"https://auth.dimo.zone"_s);
    e.tokenExchange = root(u"https://token-exchange-api.dimo.zone"_s);
    e.identity = root(u"https://identity-api.dimo.zone"_s);
    e.telemetry = root(u"https://telemetry-api.dimo.zone"_s);
    e.devices = root(u"https://devices-api.dimo.zone"_s);
    e.teslaOracle = root(u"https://tesla-oracle.dimo.zone"_s);
    e.attestation = root(u"https://attestation-api.dimo.zone"_s);
    e.deviceDefinitions = root(u"https://device-definitions-api.dimo.zone"_s);
    e.login = root(u"https://login.dimo.org"_s);
    e.creditTracker = root(u"https://credit-tracker.dimo.zone"_s); // credit-tracker charts/values-prod.yaml
    e.chainId = 137;
    e.vehicleNftAddress = u"0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF"_s;
    return e;
}

Environment Environment::dev()
{
    Environment e;
    e.name = u"dev"_s;
    e.auth = root(u"https://auth.dev.dimo.zone"_s);
    e.tokenExchange = root(u"https://token-exchange-api.dev.dimo.zone"_s);
    e.identity = root(u"https://identity-api.dev.dimo.zone"_s);
    e.telemetry = root(u"https://telemetry-api.dev.dimo.zone"_s);
    e.devices = root(u"https://devices-api.dev.dimo.zone"_s);
    e.teslaOracle = root(u"https://tesla-oracle.dev.dimo.zone"_s);
    e.attestation = root(u"https://attestation-api.dev.dimo.zone"_s);
    e.deviceDefinitions = root(u"https://device-definitions-api.dev.dimo.zone"_s);
    e.login = root(u"https://login.dev.dimo.org"_s);
    e.creditTracker = root(u"https://credit-tracker.dev.dimo.zone"_s); // charts/values.yaml
    e.chainId = 80002;
    e.vehicleNftAddress = u"0x45fbCD3ef7361d156e8b16F5538AE36DEdf61Da8"_s;
    return e;
}

Result<Environment> Environment::fromJson(const QJsonObject &o)
{
    Environment e = production(); // chain constants default to production's
    e.name = u"custom"_s;

    const struct
    {
        const char *key;
        QUrl Environment::*member;
        bool required;
    } services[] = {{"auth", &Environment::auth, true},
                    {"tokenExchange", &Environment::tokenExchange, true},
                    {"identity", &Environment::identity, true},
                    {"telemetry", &Environment::telemetry, true},
                    {"devices", &Environment::devices, false},
                    {"teslaOracle", &Environment::teslaOracle, false},
                    {"attestation", &Environment::attestation, true},
                    {"deviceDefinitions", &Environment::deviceDefinitions, true},
                    {"login", &Environment::login, true},
                    {"creditTracker", &Environment::creditTracker, false}};

    for (const auto &s : services) {
        const QString key = QString::fromLatin1(s.key);
        if (!s.required && !o.contains(key)) {
            e.*(s.member) = QUrl(); // not offered by this deployment
            continue;
        }
        const QUrl url = root(o.value(key).toString());
        if (!url.isValid() || url.isRelative() || url.host().isEmpty()) {
            return Error::make(
                Error::Kind::InvalidInput,
                u"the environment file has no valid URL for the service \"%1\""_s.arg(key),
                u"Give every service (auth, tokenExchange, identity, telemetry, attestation, "
                "deviceDefinitions, login; optionally teslaOracle, devices, creditTracker) an absolute http(s) "
                "root URL."_s);
        }
        e.*(s.member) = url;
    }
    if (o.contains(u"chainId"_s)) {
        e.chainId = o.value(u"chainId"_s).toInt(e.chainId);
    }
    for (const QString &k : {u"vehicleNftAddress"_s, u"vehicleNft"_s, u"vehicleNftContract"_s}) {
        if (o.value(k).isString()) {
            e.vehicleNftAddress = o.value(k).toString();
        }
    }
    return e;
}

Result<Environment> Environment::fromFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return Error::make(Error::Kind::InvalidInput,
                           u"cannot read the environment file %1: %2"_s.arg(path, f.errorString()));
    }
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject()) {
        return Error::make(Error::Kind::Parse,
                           u"the environment file %1 is not a JSON object: %2"_s.arg(path, pe.errorString()));
    }
    return fromJson(doc.object());
}

Result<Environment> Environment::byName(const QString &nameOrPath)
{
    if (nameOrPath.isEmpty() || nameOrPath == QLatin1String("production")) {
        return production().withOverrides();
    }
    if (nameOrPath == QLatin1String("dev")) {
        return dev().withOverrides();
    }
    auto e = fromFile(nameOrPath);
    if (!e) {
        return e;
    }
    return e.value().withOverrides();
}

Environment Environment::withOverrides() const
{
    Environment e = *this;
    const QString override = qEnvironmentVariable("DIMO_LOGIN_BASE_URL");
    if (!override.isEmpty()) {
        const QUrl url = root(override);
        if (url.isValid() && !url.isRelative() && !url.host().isEmpty()) {
            e.login = url;
        }
    }
    return e;
}

QUrl Environment::endpoint(const QUrl &r, const QString &path)
{
    QUrl u = r;
    QString p = u.path();
    while (p.endsWith(u'/')) {
        p.chop(1);
    }
    u.setPath(p + path);
    return u;
}

QString Environment::authIssuer() const
{
    return auth.toString(QUrl::StripTrailingSlash);
}

} // namespace dimo
