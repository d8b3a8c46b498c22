// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/auth/securezero.h"

#include <openssl/crypto.h>

namespace dimo {

void secureZero(void *data, std::size_t size)
{
    if (data && size) {
        OPENSSL_cleanse(data, size);
    }
}

void secureZero(QByteArray &bytes)
{
    if (!bytes.isEmpty() && bytes.data_ptr().d_ptr() && bytes.isDetached()) {
        secureZero(const_cast<char *>(bytes.constData()), static_cast<std::size_t>(bytes.size()));
    }
    bytes.clear();
}

void secureZero(QString &text)
{
    if (!text.isEmpty() && text.data_ptr().d_ptr() && text.isDetached()) {
        secureZero(const_cast<QChar *>(text.constData()), static_cast<std::size_t>(text.size()) * sizeof(QChar));
    }
    text.clear();
}

} // namespace dimo
