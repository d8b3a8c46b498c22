// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/auth/jwks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

using namespace Qt::StringLiterals;

namespace dimo {

struct Jwks::Key
{
    EVP_PKEY *pkey = nullptr;

    ~Key() { EVP_PKEY_free(pkey); }
};

namespace {

QByteArray b64url(const QString &s)
{
    return QByteArray::fromBase64(s.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

EVP_PKEY *rsaPublicKey(const QByteArray &n, const QByteArray &e)
{
    BIGNUM *bn = BN_bin2bn(reinterpret_cast<const unsigned char *>(n.constData()), static_cast<int>(n.size()), nullptr);
    BIGNUM *be = BN_bin2bn(reinterpret_cast<const unsigned char *>(e.constData()), static_cast<int>(e.size()), nullptr);
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM *params = nullptr;
    EVP_PKEY_CTX *ctx = nullptr;
    EVP_PKEY *pkey = nullptr;
    if (bn && be && bld && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn)
        && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, be) && (params = OSSL_PARAM_BLD_to_param(bld))
        && (ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr)) && EVP_PKEY_fromdata_init(ctx) == 1) {
        if (EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, params) != 1) {
            pkey = nullptr;
        }
    }
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    BN_free(bn);
    BN_free(be);
    return pkey;
}

} // namespace

Result<Jwks> Jwks::parse(const QByteArray &json)
{
    const QJsonArray keys = QJsonDocument::fromJson(json).object().value(u"keys"_s).toArray();
    if (keys.isEmpty()) {
        return Error::make(
            Error::Kind::Parse, u"the DIMO auth service's key set (/keys) has no keys"_s, u"Try again later."_s);
    }
    Jwks set;
    for (const QJsonValue &v : keys) {
        const QJsonObject k = v.toObject();
        if (k.value(u"kty"_s).toString() != QLatin1String("RSA")) {
            continue;
        }
        const QString use = k.value(u"use"_s).toString();
        if (!use.isEmpty() && use != QLatin1String("sig")) {
            continue;
        }
        EVP_PKEY *pkey = rsaPublicKey(b64url(k.value(u"n"_s).toString()), b64url(k.value(u"e"_s).toString()));
        if (!pkey) {
            continue;
        }
        auto key = std::make_shared<Key>();
        key->pkey = pkey;
        set.m_keys.insert(k.value(u"kid"_s).toString(), key);
    }
    if (set.m_keys.isEmpty()) {
        return Error::make(Error::Kind::Parse, u"the DIMO auth service's key set has no usable RSA keys"_s);
    }
    return set;
}

bool Jwks::verifyRs256(const QString &kid, const QByteArray &signingInput, const QByteArray &signature) const
{
    const auto key = m_keys.value(kid);
    if (!key || !key->pkey) {
        return false;
    }
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    bool ok = md && EVP_DigestVerifyInit(md, nullptr, EVP_sha256(), nullptr, key->pkey) == 1
        && EVP_DigestVerify(md,
                            reinterpret_cast<const unsigned char *>(signature.constData()),
                            static_cast<size_t>(signature.size()),
                            reinterpret_cast<const unsigned char *>(signingInput.constData()),
                            static_cast<size_t>(signingInput.size()))
            == 1;
    EVP_MD_CTX_free(md);
    return ok;
}

} // namespace dimo
