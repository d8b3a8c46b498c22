// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"

#include <QString>

namespace app::tools {

// A VIN checked before anything is sent: 17 characters of A-Z and 0-9 without I, O and Q; for
// North-American VINs (first character 1-5) the check digit at position 9 must match. Returns the
// upper-case VIN or an InvalidInput error that says what is wrong and what to do.
dimo::Result<QString> validateVin(const QString &vin);

// The ISO 3166-1 alpha-3 code (upper case) or an InvalidInput error. Empty means "USA".
dimo::Result<QString> validateCountryCode(const QString &code);

// The check digit (0-9 or X) computed from a 17-character VIN.
QChar vinCheckDigit(const QString &vin);

} // namespace app::tools
