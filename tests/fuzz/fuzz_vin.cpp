// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: VIN and country-code validation (app::tools::validateVin, validateCountryCode,
// vinCheckDigit), the checks vin_decode and the VIN credential tools run before any request.
// Invariants: no crash; an accepted VIN is 17 characters of the VIN alphabet (no I, O, Q), upper
// case, and validating it again gives the same VIN; an accepted country code is three letters.
#include "app/tools/vin.h"

#include <cstdint>

#include "fuzzsupport.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApp();
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto vin = app::tools::validateVin(text);
    if (vin) {
        const QString v = vin.value();
        fuzz::check(v.size() == 17, "an accepted VIN has 17 characters");
        for (const QChar c : v) {
            fuzz::check((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9'), "an accepted VIN is upper-case A-Z0-9");
            fuzz::check(c != u'I' && c != u'O' && c != u'Q', "an accepted VIN has no I, O or Q");
        }
        const auto again = app::tools::validateVin(v);
        fuzz::check(again.ok() && again.value() == v, "an accepted VIN validates again unchanged");
    } else {
        fuzz::check(!vin.error().message.isEmpty(), "a refused VIN says why");
    }
    if (text.size() == 17) {
        (void)app::tools::vinCheckDigit(text);
    }
    const auto country = app::tools::validateCountryCode(text);
    if (country) {
        fuzz::check(country.value().size() == 3, "an accepted country code has three letters");
    }
    return 0;
}
