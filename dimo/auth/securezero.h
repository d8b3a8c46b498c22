// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>

namespace dimo {

// Overwrites memory in a way the optimiser may not remove (OPENSSL_cleanse).
void secureZero(void *data, std::size_t size);

// Wipes the buffer in place (all implicitly shared copies see zeros, which is the point for
// secret material), then clears it. Read-only literal data is left alone.
void secureZero(QByteArray &bytes);
void secureZero(QString &text);

} // namespace dimo
