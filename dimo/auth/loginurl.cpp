// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/auth/loginurl.h"

#include "dimo/core/privileges.h"
#include "dimo/credentials.h"
#include "dimo/environment.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace dimo {

QString permissionsBitString(const QList<int> &ids)
{
    const QList<int> norm = privilege::normalized(ids);
    const int length = std::max(8, norm.isEmpty() ? 0 : norm.last());
    QString bits(length, u'0');
    for (int id : norm) {
        bits[id - 1] = u'1';
    }
    return bits;
}

Result<QUrl>
buildLoginUrl(const Environment &env, const Credentials &creds, const LoginRequest &request, qint64 nowSecs)
{
    if (creds.clientId.isEmpty() || creds.redirectUri.isEmpty()) {
        return Error::make(Error::Kind::InvalidInput,
                           u"a login URL needs the client ID and the redirect URI"_s,
                           u"Enter the developer license credentials first."_s);
    }
    QUrlQuery q;
    q.addQueryItem(u"clientId"_s, creds.clientId);
    q.addQueryItem(u"redirectUri"_s, QString::fromLatin1(QUrl::toPercentEncoding(creds.redirectUri)));
    if (request.entry == LoginRequest::Entry::Login) {
        q.addQueryItem(u"entryState"_s, u"EMAIL_INPUT"_s);
    } else {
        q.addQueryItem(u"entryState"_s, u"VEHICLE_MANAGER"_s);
        if (request.permissionTemplateId != 0) {
            if (request.permissionTemplateId != 1 && request.permissionTemplateId != 2) {
                return Error::make(Error::Kind::InvalidInput,
                                   u"permission template %1 does not exist; use 1 (privileges 1-6) or 2 "
                                   "(privileges 1, 3-6)"_s.arg(request.permissionTemplateId));
            }
            q.addQueryItem(u"permissionTemplateId"_s, QString::number(request.permissionTemplateId));
        } else if (!request.permissions.isEmpty()) {
            for (int id : request.permissions) {
                if (id < 1 || id > 8) {
                    return Error::make(Error::Kind::InvalidInput,
                                       u"privilege %1 does not exist; DIMO privileges are 1 to 8"_s.arg(id));
                }
            }
            q.addQueryItem(u"permissions"_s, permissionsBitString(request.permissions));
        } else {
            return Error::make(Error::Kind::InvalidInput,
                               u"sharing vehicles needs a permission template or a list of privileges"_s,
                               u"Pass permissionTemplateId 1 or 2, or the privilege ids the app needs."_s);
        }
        for (qint64 v : request.vehicles) {
            q.addQueryItem(u"vehicles"_s, QString::number(v));
        }
        for (const QString &make : request.vehicleMakes) {
            q.addQueryItem(u"vehicleMakes"_s, QString::fromLatin1(QUrl::toPercentEncoding(make)));
        }
        if (request.expiration.isValid()) {
            if (request.expiration.toSecsSinceEpoch() <= nowSecs) {
                return Error::make(Error::Kind::InvalidInput,
                                   u"the share expiration date %1 is in the past"_s.arg(
                                       request.expiration.toUTC().toString(Qt::ISODate)));
            }
            q.addQueryItem(
                u"expirationDate"_s,
                QString::fromLatin1(QUrl::toPercentEncoding(request.expiration.toUTC().toString(Qt::ISODateWithMs))));
        }
    }
    if (!request.state.isEmpty()) {
        QUrlQuery utm;
        utm.addQueryItem(u"state"_s, request.state);
        q.addQueryItem(u"utm"_s, QString::fromLatin1(QUrl::toPercentEncoding(utm.toString(QUrl::FullyEncoded))));
    }
    QUrl url = env.login;
    if (!url.path().endsWith(u'/')) {
        url.setPath(url.path() + u'/'); // https://login.dimo.org/?clientId=…
    }
    url.setQuery(q);
    return url;
}

} // namespace dimo
