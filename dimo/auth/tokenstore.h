// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace dimo {

// Where the Client persists the tokens that should outlive a restart (the app backs it with the
// system keychain; never a plain file). The Client calls save() whenever a token changes (an
// empty jwt = forget it); at startup the app reads the stored values and hands them to
// Client::restoreDeveloperJwt() / Client::restoreSession().
class TokenStore
{
public:
    enum class Token { DeveloperJwt, UserJwt };

    virtual ~TokenStore() = default;
    virtual void save(Token which, const QString &jwt) = 0;
};

} // namespace dimo
