// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>

namespace dimo {

// Overwrites memory in a way the optimiser may not remove (OPENSSL_cleanse).
void secureZero(void *data, std::size_t size);

// Wipes the buffer in place if this object is its only owner, then clears it. A buffer still
// shared with other copies is only released (the last owner wipes it); literals are left alone.
void secureZero(QByteArray &bytes);
void secureZero(QString &text);

} // namespace dimo
