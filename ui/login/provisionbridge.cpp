// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/login/provisionbridge.h"

#include "dimo/auth/keccak.h"
#include "dimo/credentials.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace ui {

ProvisionBridge::ProvisionBridge(const ProvisionSetup &setup, QObject *parent)
    : QObject(parent)
    , m_setup(setup)
{}

QJsonObject ProvisionBridge::config() const
{
    QUrl base = m_setup.loginBaseUrl; // the app shell at the root, without parameters (popup/embed mode)
    if (!base.path().endsWith(u'/')) {
        base.setPath(base.path() + u'/');
    }
    return QJsonObject{
        {u"loginUrl"_s, base.toString(QUrl::FullyEncoded)},
        {u"loginOrigin"_s, base.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toString()},
        {u"clientId"_s, m_setup.appClientId},
        {u"domain"_s, m_setup.domain},
        {u"signerAddress"_s, m_setup.signerAddress},
        {u"alias"_s, m_setup.alias},
    };
}

void ProvisionBridge::provisioned(const QJsonObject &response)
{
    if (m_done) {
        return;
    }
    const QString clientId = response.value(u"clientId"_s).toString();
    const QJsonValue tokenValue = response.value(u"tokenId"_s);
    bool ok = tokenValue.isDouble();
    qint64 tokenId = ok ? qint64(tokenValue.toDouble()) : tokenValue.toString().toLongLong(&ok);
    if (!dimo::eth::isHexAddress(clientId) || !ok || tokenId <= 0) {
        failed(tr("Login with DIMO answered without a valid client ID and token ID."));
        return;
    }
    QString key = response.value(u"privateKey"_s).toString();
    if (!key.isEmpty() && !dimo::Credentials::validateApiKey(key).ok()) {
        failed(tr("Login with DIMO answered with an API key that is not a valid secp256k1 key."));
        return;
    }
    if (!key.isEmpty()) {
        key = dimo::Credentials::validateApiKey(key).value();
    }
    m_done = true;
    Q_EMIT succeeded(dimo::eth::checksumAddress(clientId), tokenId, key);
}

void ProvisionBridge::failed(const QString &message)
{
    if (!m_done) {
        Q_EMIT rejected(message.left(500));
    }
}

} // namespace ui
