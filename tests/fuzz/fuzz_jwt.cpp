// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: JWT decoding and RS256 verification (dimo::Jwt, dimo::Jwks).
// The input is "<token>\0<JWKS JSON>"; without a NUL it is a token checked against a fixed key set.
// Invariants: no crash on any token or key set; a decoded token re-splits into the signing input
// it reports; a token is never verified by a key id the set does not hold; forged signatures
// (the input's own bytes) never verify against the fixed key.
#include "dimo/auth/jwks.h"
#include "dimo/auth/jwt.h"

#include <cstdint>

#include "fuzzsupport.h"

using namespace Qt::StringLiterals;

namespace {

// A real 2048-bit RSA public key (DIMO's key set shape); its private half is not known here, so
// nothing the fuzzer makes can carry a valid signature by it.
const char FixedJwks[] = R"({"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"k1","e":"AQAB",
"n":"lZTX6MnOqxRS5moKdoy0P_ewfCPHM8GmFHdwNjsX9ZNe3sDmwMiB3fqsuetGEYat4S6_W0hvB4edvgUf5lwpg43bu8XcOdiuDV08TMBhg9aCSvw3VxNIshhLfx0GUK3i58dueFs3CiTmymtbc0UciA9hhr5TtiZkI82zCCigzatr8wJ54Ob4_phQo5JnGNcOgZBRvyuHqbdnr9nKUVk5fSapexnH8YIu-SVGLj4l4wne07v_ALq9vEXJbF8htnQRA-wGvoDYs44uSmbAzDyeQ6Pa3OqBEcWMlKhyqKbucBih-Cc8FyI6CBXI9EufoXuejKNfSrlgmrdEx6qRToiy7Q"}]})";

const dimo::Jwks &fixedKeys()
{
    static const dimo::Jwks keys = [] {
        auto parsed = dimo::Jwks::parse(QByteArray(FixedJwks));
        fuzz::check(parsed.ok(), "the fixed key set parses");
        return parsed.value();
    }();
    return keys;
}

void exercise(const QString &token, const dimo::Jwks &keys)
{
    const auto jwt = dimo::Jwt::decode(token);
    if (!jwt) {
        fuzz::check(!jwt.error().message.isEmpty(), "a refused token says why");
        return;
    }
    const dimo::Jwt &t = jwt.value();
    fuzz::check(token.trimmed().toLatin1().startsWith(t.signingInput),
                "the signing input is the token's first two segments");
    (void)t.expiry();
    (void)t.issuedAt();
    (void)t.audience();
    const QString kid = t.kid();
    const bool verified = keys.verifyRs256(kid, t.signingInput, t.signature);
    if (verified) {
        fuzz::check(keys.contains(kid), "only a key the set holds verifies");
    }
    if (&keys == &fixedKeys()) {
        fuzz::check(!verified, "no forged signature verifies against the fixed key");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApp();
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto [token, jwks] = fuzz::split(input);
    if (!input.contains('\0')) {
        exercise(QString::fromUtf8(token), fixedKeys());
        return 0;
    }
    const auto keys = dimo::Jwks::parse(jwks);
    if (!keys) {
        fuzz::check(!keys.error().message.isEmpty(), "a refused key set says why");
        return 0;
    }
    exercise(QString::fromUtf8(token), keys.value());
    return 0;
}
