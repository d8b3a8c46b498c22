// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/keychaintokenstore.h"

#include "app/tray/logging.h"

#include <QLoggingCategory>
#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace app {

KeychainTokenStore::KeychainTokenStore(const QString &authUrl, const QString &clientId, QObject *parent)
    : QObject(parent)
    , m_prefix(authUrl + u'|' + clientId.toLower() + u'|')
{}

QString KeychainTokenStore::serviceName()
{
    return u"dimo-tray"_s;
}

QString KeychainTokenStore::key(Token which) const
{
    return m_prefix + (which == Token::DeveloperJwt ? u"developer-jwt"_s : u"user-jwt"_s);
}

void KeychainTokenStore::save(Token which, const QString &jwt)
{
    QKeychain::Job *job = nullptr;
    if (jwt.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(serviceName(), this);
    } else {
        auto *write = new QKeychain::WritePasswordJob(serviceName(), this);
        write->setTextData(jwt);
        job = write;
    }
    job->setKey(key(which));
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [which](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound) {
            qCWarning(lcKeychain).noquote()
                << "cannot store the" << (which == Token::DeveloperJwt ? "developer" : "user")
                << "token in the keychain:" << j->errorString() << "- it will be fetched again after a restart";
        }
    });
    job->start();
}

void KeychainTokenStore::read(Token which, const std::function<void(const QString &)> &done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setKey(key(which));
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        auto *r = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (r->error() != QKeychain::NoError && r->error() != QKeychain::EntryNotFound) {
            qCInfo(lcKeychain).noquote() << "keychain not readable:" << r->errorString();
        }
        done(r->error() == QKeychain::NoError ? r->textData() : QString());
    });
    job->start();
}

void KeychainTokenStore::load(const std::function<void(const QString &, const QString &)> &done)
{
    auto developer = std::make_shared<QString>();
    read(Token::DeveloperJwt, [this, developer, done](const QString &dev) {
        *developer = dev;
        read(Token::UserJwt, [developer, done](const QString &user) {
            done(*developer, user);
        });
    });
}

} // namespace app
