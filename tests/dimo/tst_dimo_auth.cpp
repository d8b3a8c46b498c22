// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// Developer JWT flow and user JWT verification against the DIMO simulator.
#include "dimo/auth/jwt.h"
#include "dimo/auth/tokenstore.h"
#include "dimo/auth/userjwtverifier.h"
#include "dimo/client.h"
#include "dimo/graphql/graphqljob.h"
#include "dimo/net/tokenjob.h"
#include "tests/support/dimofixture.h"
#include "tests/support/jobwait.h"
#include "tests/support/timeout.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

#include <openssl/evp.h>
#include <openssl/rsa.h>

using namespace Qt::StringLiterals;

namespace {

QByteArray b64(const QByteArray &b)
{
    return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A JWT signed with our own throwaway RSA key: the simulator never issued it.
QString craftToken(EVP_PKEY *key, const QJsonObject &header, const QJsonObject &payload)
{
    const QByteArray input = b64(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + b64(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    size_t len = 0;
    EVP_DigestSignInit(md, nullptr, EVP_sha256(), nullptr, key);
    EVP_DigestSign(md, nullptr, &len, reinterpret_cast<const unsigned char *>(input.constData()), input.size());
    QByteArray sig(static_cast<qsizetype>(len), '\0');
    EVP_DigestSign(md,
                   reinterpret_cast<unsigned char *>(sig.data()),
                   &len,
                   reinterpret_cast<const unsigned char *>(input.constData()),
                   input.size());
    EVP_MD_CTX_free(md);
    sig.resize(static_cast<qsizetype>(len));
    return QString::fromLatin1(input + '.' + b64(sig));
}

} // namespace

class TestDimoAuth : public QObject
{
    Q_OBJECT
private:
    DimoFixture m_fx;
    EVP_PKEY *m_ownKey = nullptr;

    dimo::Credentials creds(const QString &clientId = {}, const QString &redirect = {}, const QString &key = {})
    {
        return dimo::Credentials{clientId.isEmpty() ? m_fx.sim.credential(u"clientId"_s) : clientId,
                                 redirect.isEmpty() ? m_fx.sim.credential(u"redirectUri"_s) : redirect,
                                 key.isEmpty() ? m_fx.sim.credential(u"apiKey"_s) : key};
    }

    static dimo::ClientOptions options() { return DimoFixture::options(); }

    dimo::ContextPtr context(const dimo::ClientOptions &o = options())
    {
        return dimo::Context::create(&m_fx.nam, m_fx.env, creds(), o);
    }

    // Logs in through the simulator's login page and returns the redirect URL.
    QUrl login(const dimo::Credentials &c, int user = 1)
    {
        const auto url = dimo::buildLoginUrl(m_fx.env, c, {}, QDateTime::currentSecsSinceEpoch());
        return url ? m_fx.sim.autoLogin(url.value(), user, true) : QUrl();
    }

private Q_SLOTS:

    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(error));
        m_ownKey = EVP_RSA_gen(2048);
        QVERIFY(m_ownKey);
    }

    void cleanupTestCase() { EVP_PKEY_free(m_ownKey); }

    void init() { QVERIFY(m_fx.sim.reset()); }

    void cleanup() { m_fx.sim.dumpOnFailure(); }

    void developerJwtFlow()
    {
        dimo::Client client(&m_fx.nam, m_fx.env, creds(), options());
        int emissions = 0;
        const auto token = waitForJob(client.developerJwt(), 20000, &emissions);
        QVERIFY(token.has_value());
        QVERIFY2(token->ok(), qPrintable(token->ok() ? QString() : token->error().toString()));
        QCOMPARE(emissions, 1);
        const auto jwt = dimo::Jwt::decode(token->value());
        QVERIFY(jwt.ok());
        QCOMPARE(jwt.value().stringClaim(u"ethereum_address"_s), m_fx.sim.credential(u"clientId"_s));
        QCOMPARE(m_fx.sim.count(u"auth"_s, u"/auth/web3/generate_challenge"_s), 1);
        QCOMPARE(m_fx.sim.count(u"auth"_s, u"/auth/web3/submit_challenge"_s), 1);

        const QJsonArray log = m_fx.sim.requests(u"auth"_s);
        const QJsonObject submit = log.last().toObject();
        const QUrlQuery form(submit.value(u"body"_s).toString());
        QCOMPARE(form.queryItemValue(u"grant_type"_s), u"authorization_code"_s);
        QCOMPARE(form.queryItemValue(u"signature"_s).size(), 132);
        const QJsonObject headers = submit.value(u"headers"_s).toObject();
        QVERIFY2(headers.value(u"user-agent"_s).toString().startsWith(u"dimo-tray/"_s),
                 qPrintable(headers.value(u"user-agent"_s).toString()));
        QVERIFY(!headers.value(u"x-request-id"_s).toString().isEmpty());
        QVERIFY(headers.value(u"accept-encoding"_s).toString().contains(u"gzip"_s));

        // Cached: no further round trip.
        const auto again = waitForJob(client.developerJwt());
        QVERIFY(again && again->ok());
        QCOMPARE(again->value(), token->value());
        QCOMPARE(m_fx.sim.count(u"auth"_s), 2);
    }

    void wrongApiKey()
    {
        dimo::Client client(&m_fx.nam, m_fx.env, creds({}, {}, m_fx.sim.credential(u"fleetApiKey"_s)), options());
        const auto token = waitForJob(client.developerJwt());
        QVERIFY(token && !token->ok());
        QCOMPARE(token->error().kind, dimo::Error::Kind::Unauthorized);
        QVERIFY2(token->error().detail.contains(u"Could not verify signature"_s), qPrintable(token->error().detail));
        QVERIFY(token->error().hint.contains(u"API key"_s));
        QVERIFY(token->error().hint.contains(u"client ID"_s));
        QCOMPARE(m_fx.sim.count(u"auth"_s, u"/auth/web3/submit_challenge"_s), 1); // never re-sent
    }

    void unknownClientId()
    {
        dimo::Client client(&m_fx.nam, m_fx.env, creds(u"0x1111111111111111111111111111111111111111"_s), options());
        const auto token = waitForJob(client.developerJwt());
        QVERIFY(token && !token->ok());
        QCOMPARE(token->error().kind, dimo::Error::Kind::Unauthorized);
        QVERIFY2(token->error().detail.contains(u"client_id"_s), qPrintable(token->error().detail));
        QVERIFY2(token->error().hint.contains(u"client ID"_s), qPrintable(token->error().hint));
    }

    void unregisteredRedirectUri()
    {
        dimo::Client client(&m_fx.nam, m_fx.env, creds({}, u"https://unregistered.example.com/cb"_s), options());
        const auto token = waitForJob(client.developerJwt());
        QVERIFY(token && !token->ok());
        QVERIFY2(token->error().detail.contains(u"redirect_uri"_s), qPrintable(token->error().detail));
        QVERIFY2(token->error().hint.contains(u"redirect URI"_s), qPrintable(token->error().hint));
    }

    void userLoginAccepted()
    {
        dimo::Client client(&m_fx.nam, m_fx.env, creds(), options());
        const QUrl redirect = login(creds());
        QVERIFY2(redirect.isValid(), qPrintable(m_fx.sim.stderrText()));
        const auto session = waitForJob(client.completeLogin(redirect));
        QVERIFY(session.has_value());
        QVERIFY2(session->ok(), qPrintable(session->ok() ? QString() : session->error().toString()));
        const QJsonObject alice = m_fx.sim.fixtures().value(u"users"_s).toArray().at(0).toObject();
        QCOMPARE(session->value().walletAddress, alice.value(u"wallet"_s).toString());
        QCOMPARE(session->value().email, u"alice@example.com"_s);
        QVERIFY(session->value().expiresAt > QDateTime::currentDateTimeUtc().addDays(13));
        QVERIFY(client.session().has_value());
        QCOMPARE(m_fx.sim.count(u"auth"_s, u"/keys"_s), 1);
    }

    void userJwtRejections()
    {
        const QUrl redirect = login(creds());
        const QUrlQuery q(redirect);
        const QString token = q.queryItemValue(u"token"_s);
        const QString wallet = q.queryItemValue(u"walletAddress"_s);
        QVERIFY(!token.isEmpty());
        const auto decoded = dimo::Jwt::decode(token);
        QVERIFY(decoded.ok());
        dimo::UserJwtVerifier verifier(context());
        auto reason = [&](const QString &t, const QString &w) -> QString {
            const auto r = waitForJob(verifier.verify(t, w));
            if (!r) {
                return u"timeout"_s;
            }
            if (r->ok()) {
                return u"accepted"_s;
            }
            return r->error().kind == dimo::Error::Kind::Unauthorized ? r->error().message : r->error().toString();
        };
        QCOMPARE(reason(token, wallet), u"accepted"_s);

        // Mismatched wallet: a valid token, but the redirect named another wallet.
        QVERIFY(reason(token, u"0xC857fBd2CA565D18c7afF18eeb7e5291Ed35863B"_s).contains(u"belongs to wallet"_s));

        // Tampered payload (signature no longer matches).
        QJsonObject payload = decoded.value().payload;
        payload.insert(u"ethereum_address"_s, u"0xC857fBd2CA565D18c7afF18eeb7e5291Ed35863B"_s);
        const QStringList parts = token.split(u'.');
        const QString tampered = parts[0] + u'.'
            + QString::fromLatin1(b64(QJsonDocument(payload).toJson(QJsonDocument::Compact))) + u'.' + parts[2];
        QVERIFY(
            reason(tampered, u"0xC857fBd2CA565D18c7afF18eeb7e5291Ed35863B"_s).contains(u"signature is not valid"_s));

        // Forged with our own key under the simulator's kid.
        const QString forged = craftToken(m_ownKey, decoded.value().header, decoded.value().payload);
        QVERIFY(reason(forged, wallet).contains(u"signature is not valid"_s));
        QCOMPARE(verifier.keyFetchCount(), 1);

        // Unknown kid: the key set is fetched again once, then the token is rejected.
        QJsonObject header = decoded.value().header;
        header.insert(u"kid"_s, u"not-a-dimo-key"_s);
        QVERIFY(reason(craftToken(m_ownKey, header, decoded.value().payload), wallet).contains(u"kid"_s));
        QCOMPARE(verifier.keyFetchCount(), 2);
        QCOMPARE(m_fx.sim.count(u"auth"_s, u"/keys"_s), 2);

        // Not RS256.
        header.insert(u"alg"_s, u"none"_s);
        QVERIFY(reason(craftToken(m_ownKey, header, decoded.value().payload), wallet).contains(u"RS256"_s));
    }

    void userJwtWrongAudience()
    {
        // A genuine token issued to another license (aud = its client id).
        const QJsonArray licenses = m_fx.sim.fixtures().value(u"licenses"_s).toArray();
        const QJsonObject second = licenses.at(1).toObject();
        const dimo::Credentials other{
            second.value(u"clientId"_s).toString(), second.value(u"redirectURIs"_s).toArray().at(0).toString(), {}};
        const QUrl redirect = login(other);
        QVERIFY(redirect.isValid());
        const QUrlQuery q(redirect);
        dimo::UserJwtVerifier verifier(context());
        const auto r = waitForJob(verifier.verify(q.queryItemValue(u"token"_s), q.queryItemValue(u"walletAddress"_s)));
        QVERIFY(r && !r->ok());
        QVERIFY2(r->error().message.contains(u"issued for another app"_s), qPrintable(r->error().message));
    }

    void userJwtExpired()
    {
        QVERIFY(m_fx.sim.setClockOffset(-20 * 24 * 3600)); // the simulator issues a token that expired 6 days ago
        const QUrl redirect = login(creds());
        QVERIFY(m_fx.sim.setClockOffset(0));
        dimo::Client client(&m_fx.nam, m_fx.env, creds(), options());
        const auto r = waitForJob(client.completeLogin(redirect));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().kind, dimo::Error::Kind::Unauthorized);
        QVERIFY2(r->error().message.contains(u"expired"_s), qPrintable(r->error().message));
        QVERIFY(!client.session().has_value());
    }

    void claimChecks()
    {
        dimo::ClientOptions o = options();
        o.clock = [] {
            return qint64(1000);
        };
        dimo::UserJwtVerifier verifier(context(o));
        const QString wallet = u"0xb00f091142070A68e0cBf9Db9Dfaf533603A4563"_s;
        QJsonObject p{{u"iss"_s, m_fx.env.authIssuer()},
                      {u"aud"_s, m_fx.sim.credential(u"clientId"_s).toLower()},
                      {u"exp"_s, 2000},
                      {u"ethereum_address"_s, wallet}};
        QVERIFY(verifier.checkClaims(p, wallet).ok());
        QJsonObject bad = p;
        bad.insert(u"iss"_s, u"https://evil.example.com"_s);
        QVERIFY(verifier.checkClaims(bad, wallet).error().message.contains(u"issued by"_s));
        bad = p;
        bad.insert(u"exp"_s, 900);
        QVERIFY(verifier.checkClaims(bad, wallet).error().message.contains(u"expired"_s));
        bad = p;
        bad.insert(u"aud"_s, QJsonArray{u"dimo.zone"_s});
        QVERIFY(verifier.checkClaims(bad, wallet).error().message.contains(u"another app"_s));
    }

    void logsCarryNoSecrets()
    {
        static QStringList captured;
        captured.clear();
        QLoggingCategory::setFilterRules(u"dimotray.*=true"_s);
        const QtMessageHandler previous =
            qInstallMessageHandler([](QtMsgType, const QMessageLogContext &ctx, const QString &msg) {
                if (QByteArray(ctx.category).startsWith("dimotray")) {
                    captured << msg;
                }
            });
        dimo::Client client(&m_fx.nam, m_fx.env, creds(), options());
        const auto dev = waitForJob(client.developerJwt());
        const QUrl redirect = login(creds());
        const auto session = waitForJob(client.completeLogin(redirect));
        const auto vehicle = waitForJob(client.vehicleJwt(24567, {1})); // Alice's Tesla
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(u"dimotray.*.debug=false"_s);
        QVERIFY(dev && dev->ok() && vehicle && vehicle->ok() && session && session->ok());
        const QString all = captured.join(u'\n');
        QVERIFY(captured.size() >= 5);
        QVERIFY(all.contains(u"id "_s)); // request ids are logged
        for (const QString &secret :
             {dev->value(), vehicle->value(), session->value().token, m_fx.sim.credential(u"apiKey"_s)}) {
            QVERIFY2(!all.contains(secret), "a secret reached the log");
        }
        QVERIFY(!all.contains(u"eyJ"_s));
        QVERIFY(!all.contains(u"signature=0x"_s));
    }

    void sessionStateAndRestart()
    {
        using State = dimo::Client::SessionState;
        using Token = dimo::TokenStore::Token;

        struct Store : dimo::TokenStore
        {
            QHash<Token, QString> saved;

            void save(Token which, const QString &jwt) override { saved[which] = jwt; }
        } store;

        QString developerJwt;
        QString userJwt;
        {
            dimo::Client client(&m_fx.nam, m_fx.env, creds(), options());
            client.setTokenStore(&store);
            QList<State> states;
            connect(&client, &dimo::Client::sessionStateChanged, this, [&](State state, const QString &) {
                states << state;
            });
            QCOMPARE(client.sessionState(), State::SignedOut);
            QVERIFY(waitForJob(client.developerJwt())->ok());
            const auto s = waitForJob(client.completeLogin(login(creds())));
            QVERIFY(s && s->ok());
            QCOMPARE(states, (QList<State>{State::SigningIn, State::SignedIn}));
            QCOMPARE(client.wallet(), s->value().walletAddress);
            developerJwt = store.saved.value(Token::DeveloperJwt);
            userJwt = store.saved.value(Token::UserJwt);
            QVERIFY(!developerJwt.isEmpty());
            QCOMPARE(userJwt, s->value().token);

            // A sign-in that fails while signed in keeps the session (a garbage or forged redirect
            // must not sign the user out), with the reason of the failure.
            QVERIFY(waitForJob(client.completeLogin(QUrl(u"https://evil.example.com/cb?token=x"_s))));
            QCOMPARE(client.sessionState(), State::SignedIn);
            QVERIFY(client.sessionError().has_value());
            QVERIFY(client.session().has_value());
            QCOMPARE(client.wallet(), s->value().walletAddress);
            QCOMPARE(store.saved.value(Token::UserJwt), userJwt);
            // The same with our own redirect URI and a token that does not verify.
            QUrl garbage(m_fx.sim.credential(u"redirectUri"_s));
            garbage.setQuery(u"token=not.a.jwt&walletAddress="_s + s->value().walletAddress);
            const auto bad = waitForJob(client.completeLogin(garbage));
            QVERIFY(bad && !bad->ok());
            QCOMPARE(client.sessionState(), State::SignedIn);
            QCOMPARE(client.wallet(), s->value().walletAddress);
            QCOMPARE(store.saved.value(Token::UserJwt), userJwt);
            const auto still = waitForJob(DimoFixture::latestSignals(client, 24567)); // Alice's Tesla: still hers
            QVERIFY(still && still->ok());
            client.signOut();
            QCOMPARE(states.last(), State::SignedOut);
            QVERIFY(store.saved.value(Token::UserJwt).isEmpty());
        }
        // "Restart": both tokens come back from the store without a new challenge round trip.
        const int signIns = m_fx.sim.count(u"auth"_s, u"/auth/web3/generate_challenge"_s);
        dimo::Client client(&m_fx.nam, m_fx.env, creds(), options());
        QVERIFY(client.restoreDeveloperJwt(developerJwt).ok());
        QVERIFY(!client.restoreDeveloperJwt(u"not a jwt"_s).ok());
        const auto restored = waitForJob(client.restoreSession(userJwt));
        QVERIFY2(restored && restored->ok(),
                 restored && !restored->ok() ? qPrintable(restored->error().toString()) : "");
        QCOMPARE(client.sessionState(), State::SignedIn);
        QCOMPARE(waitForJob(client.developerJwt())->value(), developerJwt);
        QCOMPARE(m_fx.sim.count(u"auth"_s, u"/auth/web3/generate_challenge"_s), signIns);
        // The first vehicle query after the restart: access check + exchange + query, nothing else.
        const qsizetype before = m_fx.sim.requests().size();
        const auto latest = waitForJob(DimoFixture::latestSignals(client, 24567)); // Alice's Tesla
        QVERIFY2(latest && latest->ok(), latest && !latest->ok() ? qPrintable(latest->error().toString()) : "");
        QCOMPARE(m_fx.sim.requests().size(), before + 3);

        // New credentials drop the license-bound developer JWT (the same license keeps the user).
        client.setCredentials(creds());
        const auto fresh = waitForJob(client.developerJwt());
        QVERIFY(fresh && fresh->ok());
        QCOMPARE(m_fx.sim.count(u"auth"_s, u"/auth/web3/generate_challenge"_s), signIns + 1);
        QCOMPARE(client.sessionState(), State::SignedIn);
    }

    void redirectNotOurs()
    {
        dimo::Client client(&m_fx.nam, m_fx.env, creds(), options());
        const auto r = waitForJob(client.completeLogin(QUrl(u"https://evil.example.com/cb?token=x"_s)));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().kind, dimo::Error::Kind::InvalidInput);
        QCOMPARE(m_fx.sim.count(u"auth"_s), 0);
    }

    void failedSignInWithoutSessionIsRejected()
    {
        using State = dimo::Client::SessionState;
        dimo::Client client(&m_fx.nam, m_fx.env, creds(), options());
        QVERIFY(waitForJob(client.completeLogin(QUrl(u"https://evil.example.com/cb?token=x"_s))));
        QCOMPARE(client.sessionState(), State::Rejected);
        QVERIFY(client.sessionError().has_value());
        QVERIFY(!client.session().has_value());
    }
};

QTEST_GUILESS_MAIN(TestDimoAuth)
#include "tst_dimo_auth.moc"
