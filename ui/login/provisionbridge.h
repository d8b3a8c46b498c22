// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QObject>

namespace ui {

// What the provisioning host page needs: where Login with DIMO is, which app asks (its client
// id), the redirect URI to register ("domain"), the license alias and the address of the locally
// generated signer key (never the key).
struct ProvisionSetup
{
    QUrl loginBaseUrl; // e.g. https://login.dimo.org
    QString appClientId;
    QString domain;
    QString signerAddress;
    QString alias;
};

// The C++ side of the provisioning host page, published on its QWebChannel as "bridge". The
// page relays Login with DIMO's postMessage answers; the bridge checks their shape.
class ProvisionBridge : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QJsonObject config READ config CONSTANT)
public:
    explicit ProvisionBridge(const ProvisionSetup &setup, QObject *parent = nullptr);

    QJsonObject config() const;

    // provisionResponse {clientId, tokenId, privateKey?}: checked, then succeeded() once.
    Q_INVOKABLE void provisioned(const QJsonObject &response);
    // DIMO_ERROR {message} or a protocol problem the page noticed.
    Q_INVOKABLE void failed(const QString &message);

Q_SIGNALS:
    // privateKeyHex is empty unless Login with DIMO generated the key itself (dimo-login since
    // 2026-06 answers with the key it registered instead of using signerAddress).
    void succeeded(const QString &clientId, qint64 tokenId, const QString &privateKeyHex);
    void rejected(const QString &message);

private:
    ProvisionSetup m_setup;
    bool m_done = false;
};

} // namespace ui
