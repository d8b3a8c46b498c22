// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/http/originpolicy.h"

#include <QStringBuilder>

namespace mcp::http::originpolicy {

namespace {

bool isPort(QByteArrayView digits)
{
    if (digits.isEmpty() || digits.size() > 5) {
        return false;
    }
    for (const char c : digits) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

} // namespace

bool isLoopbackHost(const QByteArray &host)
{
    const QByteArray h = host.trimmed().toLower();
    for (const QByteArrayView name :
         {QByteArrayView("localhost"), QByteArrayView("127.0.0.1"), QByteArrayView("[::1]")}) {
        if (h == name) {
            return true;
        }
        if (h.startsWith(name) && h.size() > name.size() + 1 && h.at(name.size()) == ':'
            && isPort(QByteArrayView(h).sliced(name.size() + 1))) {
            return true;
        }
    }
    return false;
}

bool isAllowedOrigin(const QByteArray &origin, quint16 port)
{
    if (origin.isEmpty()) {
        return true;
    }
    const QByteArray o = origin.trimmed().toLower();
    const QByteArray suffix = ':' + QByteArray::number(port);
    return o == "http://127.0.0.1" + suffix || o == "http://localhost" + suffix;
}

bool bearerMatches(const QByteArray &authorization, const QByteArray &token)
{
    const QByteArray expected = "Bearer " + token;
    const QByteArray given = authorization.trimmed();
    unsigned char diff = given.size() == expected.size() ? 0 : 1;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        diff |= static_cast<unsigned char>(expected.at(i) ^ (i < given.size() ? given.at(i) : 0));
    }
    return diff == 0 && !token.isEmpty();
}

} // namespace mcp::http::originpolicy
