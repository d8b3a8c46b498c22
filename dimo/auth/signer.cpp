// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/auth/signer.h"

#include "dimo/auth/keccak.h"
#include "dimo/auth/securezero.h"

#include <QRandomGenerator>

#include <memory>
#include <openssl/rand.h>
#include <secp256k1.h>
#include <secp256k1_recovery.h>

using namespace Qt::StringLiterals;

namespace dimo {
namespace {

struct ContextDeleter
{
    void operator()(secp256k1_context *c) const { secp256k1_context_destroy(c); }
};

using ContextPtr = std::unique_ptr<secp256k1_context, ContextDeleter>;

ContextPtr makeContext()
{
    ContextPtr ctx(secp256k1_context_create(SECP256K1_CONTEXT_NONE));
    std::array<unsigned char, 32> seed{};
    QRandomGenerator::system()->generate(seed.begin(), seed.end());
    // Blinding against side channels; failure is harmless (signing stays correct).
    [[maybe_unused]] const int ok = secp256k1_context_randomize(ctx.get(), seed.data());
    secureZero(seed.data(), seed.size());
    return ctx;
}

Error keyError(const QString &what)
{
    return Error::make(Error::Kind::InvalidInput,
                       what,
                       u"Copy the API key again from the DIMO developer console (Developer License → API keys)."_s);
}

} // namespace

Result<Signer> Signer::fromHex(const QString &privateKeyHex)
{
    QString hex = privateKeyHex.trimmed();
    if (hex.startsWith(QLatin1String("0x")) || hex.startsWith(QLatin1String("0X"))) {
        hex = hex.mid(2);
    }
    if (hex.size() != 64) {
        return keyError(u"the API key must be 64 hexadecimal characters; you gave %1"_s.arg(hex.size()));
    }
    for (qsizetype i = 0; i < hex.size(); ++i) {
        const char16_t c = hex.at(i).unicode();
        const bool isHex = (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
        if (!isHex) {
            return keyError(
                u"the API key may only contain hexadecimal characters (0-9, a-f); character %1 is '%2'"_s.arg(i + 1)
                    .arg(hex.at(i)));
        }
    }
    Signer s;
    QByteArray raw = QByteArray::fromHex(hex.toLatin1());
    std::copy(raw.cbegin(), raw.cend(), s.m_key.begin());
    secureZero(raw);
    secureZero(hex);
    ContextPtr ctx = makeContext();
    if (!secp256k1_ec_seckey_verify(ctx.get(), s.m_key.data())) {
        return keyError(
            u"the API key is not a valid secp256k1 private key (it is zero or not below the curve order)"_s);
    }
    return Result<Signer>(std::move(s));
}

Result<Signer> Signer::generate()
{
    ContextPtr ctx = makeContext();
    Signer s;
    // A random 32-byte string is a valid key with probability 1 - 2^-128; loop for the rest.
    for (int attempt = 0; attempt < 16; ++attempt) {
        if (RAND_bytes(s.m_key.data(), int(s.m_key.size())) != 1) {
            break;
        }
        if (secp256k1_ec_seckey_verify(ctx.get(), s.m_key.data())) {
            return Result<Signer>(std::move(s));
        }
    }
    secureZero(s.m_key.data(), s.m_key.size());
    return Error::make(Error::Kind::InvalidInput,
                       u"could not generate a new API key: the system's random number generator failed"_s,
                       u"Enter an existing API key in Settings instead."_s);
}

QString Signer::privateKeyHex() const
{
    QByteArray raw(reinterpret_cast<const char *>(m_key.data()), qsizetype(m_key.size()));
    QByteArray hex = raw.toHex();
    QString out = QString::fromLatin1(hex);
    secureZero(raw);
    secureZero(hex);
    return out;
}

Signer::Signer(Signer &&other) noexcept
    : m_key(other.m_key)
{
    secureZero(other.m_key.data(), other.m_key.size());
}

Signer &Signer::operator=(Signer &&other) noexcept
{
    if (this != &other) {
        m_key = other.m_key;
        secureZero(other.m_key.data(), other.m_key.size());
    }
    return *this;
}

Signer::~Signer()
{
    secureZero(m_key.data(), m_key.size());
}

QString Signer::address() const
{
    ContextPtr ctx = makeContext();
    secp256k1_pubkey pub;
    if (!secp256k1_ec_pubkey_create(ctx.get(), &pub, m_key.data())) {
        return {};
    }
    unsigned char out[65];
    size_t len = sizeof out;
    secp256k1_ec_pubkey_serialize(ctx.get(), out, &len, &pub, SECP256K1_EC_UNCOMPRESSED);
    const QByteArray hash = eth::keccak256(QByteArray(reinterpret_cast<const char *>(out + 1), 64));
    return eth::checksumAddress(QString::fromLatin1(hash.right(20).toHex()));
}

Result<QByteArray> Signer::signDigest(const QByteArray &digest32) const
{
    if (digest32.size() != 32) {
        return Error::make(Error::Kind::InvalidInput, u"a digest to sign must be 32 bytes"_s);
    }
    ContextPtr ctx = makeContext();
    secp256k1_ecdsa_recoverable_signature sig;
    const auto *msg = reinterpret_cast<const unsigned char *>(digest32.constData());
    // nullptr nonce function = RFC 6979; libsecp256k1 always produces low-s signatures.
    if (!secp256k1_ecdsa_sign_recoverable(ctx.get(), &sig, msg, m_key.data(), nullptr, nullptr)) {
        return Error::make(Error::Kind::InvalidInput, u"signing failed: the API key was rejected by secp256k1"_s);
    }
    unsigned char compact[64];
    int recid = 0;
    secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx.get(), compact, &recid, &sig);
    QByteArray out(reinterpret_cast<const char *>(compact), 64);
    out.append(static_cast<char>(27 + recid));
    return out;
}

Result<QString> Signer::personalSign(const QByteArray &message) const
{
    const auto sig = signDigest(eth::personalMessageDigest(message));
    if (!sig) {
        return sig.error();
    }
    return QString(QStringLiteral("0x") + QString::fromLatin1(sig.value().toHex()));
}

} // namespace dimo
