// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tray/settings/secretstore.h"

#include "app/tray/keychaintokenstore.h"
#include "app/tray/logging.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace app {

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{}

QString SecretStore::serviceName()
{
    return KeychainTokenStore::serviceName();
}

QString SecretStore::apiKeyKey(const QString &clientId)
{
    return u"api-key|"_s + clientId.trimmed().toLower();
}

QString SecretStore::httpTokenKey()
{
    return u"http-token"_s;
}

QString SecretStore::describe(int keychainError, const QString &errorString)
{
    const auto error = static_cast<QKeychain::Error>(keychainError);
    const QString &e = errorString;
    const QString then = u" Then choose Retry."_s;
    switch (error) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return {};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return u"No system keychain is available. Install and start a keychain service (gnome-keyring or "
               "KWallet)."_s
            + then;
    case QKeychain::AccessDeniedByUser:
        return u"Access to the system keychain was refused. Allow DIMO Tray to use the keychain when your desktop "
               "asks."_s
            + then;
    case QKeychain::AccessDenied:
        return u"The system keychain is locked. Unlock your keyring (for example in \"Passwords and Keys\", or by "
               "logging out and in again)."_s
            + then;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    if (e.contains(u"org.freedesktop.secrets"_s) || e.contains(u"ServiceUnknown"_s)
        || e.contains(u"not provided by any"_s)) {
        return u"No keychain service is running: nothing provides the Secret Service on this desktop. Install "
               "and start gnome-keyring or KWallet."_s
            + then;
    }
    if (e.contains(u"D-Bus"_s, Qt::CaseInsensitive) || e.contains(u"DBus"_s, Qt::CaseInsensitive)
        || e.contains(u"connect"_s, Qt::CaseInsensitive) || e.contains(u"socket"_s, Qt::CaseInsensitive)) {
        return u"The system keychain cannot be reached: there is no D-Bus session to talk to it. Start DIMO Tray "
               "from your desktop session (with a running gnome-keyring or KWallet)."_s
            + then;
    }
    if (e.contains(u"locked"_s, Qt::CaseInsensitive) || e.contains(u"Object does not exist"_s)
        || e.contains(u"collection"_s, Qt::CaseInsensitive)) {
        return u"The system keychain is locked or has no default keyring yet. Unlock (or create) your login "
               "keyring, for example in \"Passwords and Keys\"."_s
            + then;
    }
    return u"The system keychain reported an error. Check that gnome-keyring or KWallet is running and "
           "unlocked."_s
        + then;
}

void SecretStore::read(const QString &key, const SecretCallback &done)
{
    run(Op::Read, key, {}, done);
}

void SecretStore::write(const QString &key, const QString &value, const SecretCallback &done)
{
    run(Op::Write, key, value, done);
}

void SecretStore::remove(const QString &key, const SecretCallback &done)
{
    run(Op::Remove, key, {}, done);
}

void SecretStore::run(Op op, const QString &key, const QString &value, const SecretCallback &done)
{
    QKeychain::Job *job = nullptr;
    if (op == Op::Read) {
        job = new QKeychain::ReadPasswordJob(serviceName(), this);
    } else if (op == Op::Write) {
        auto *w = new QKeychain::WritePasswordJob(serviceName(), this);
        w->setTextData(value);
        job = w;
    } else {
        job = new QKeychain::DeletePasswordJob(serviceName(), this);
    }
    job->setKey(key);
    job->setInsecureFallback(false); // never a plaintext file
    job->setAutoDelete(true);
    // Exactly once: the job's answer or the timeout, whichever comes first.
    auto answered = std::make_shared<bool>(false);
    connect(job, &QKeychain::Job::finished, this, [op, done, answered](QKeychain::Job *j) {
        if (*answered) {
            return;
        }
        *answered = true;
        SecretResult r;
        const QKeychain::Error error = j->error();
        if (error == QKeychain::NoError) {
            if (op == Op::Read) {
                r.value = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
            }
        } else if (error == QKeychain::EntryNotFound) {
            r.status = op == Op::Remove ? SecretResult::Status::Ok : SecretResult::Status::NotFound;
        } else {
            r.status = SecretResult::Status::Unavailable;
            r.detail = j->errorString();
            r.error = describe(int(error), r.detail);
            qCWarning(lcKeychain).noquote() << "keychain unavailable:" << r.detail;
        }
        done(r);
    });
    if (m_timeoutMs > 0) {
        QTimer::singleShot(m_timeoutMs, this, [done, answered, seconds = m_timeoutMs / 1000.0] {
            if (*answered) {
                return;
            }
            *answered = true;
            SecretResult r;
            r.status = SecretResult::Status::Unavailable;
            r.detail = u"no answer within %1 s"_s.arg(seconds);
            r.error = u"The system keychain did not answer within %1 s; it may be waiting for you to unlock it. "
                      "Unlock your keyring, then choose Retry."_s.arg(seconds);
            qCWarning(lcKeychain).noquote() << "keychain:" << r.detail;
            done(r);
        });
    }
    job->start();
}

void SecretStore::probe(const SecretCallback &done)
{
    const QString key = u"probe|"_s + QString::number(QRandomGenerator::global()->generate64(), 16);
    const QString value = QString::number(QRandomGenerator::global()->generate64(), 16);
    write(key, value, [this, key, value, done](const SecretResult &written) {
        if (!written.ok()) {
            done(written);
            return;
        }
        read(key, [this, key, value, done](const SecretResult &readBack) {
            SecretResult outcome;
            if (readBack.status == SecretResult::Status::Unavailable) {
                outcome = readBack;
            } else if (readBack.value != value) {
                outcome.status = SecretResult::Status::Unavailable;
                outcome.detail = u"a value written to the keychain could not be read back"_s;
                outcome.error = u"The system keychain accepted a secret but did not give it back; it may be locked. "
                                "Unlock your keyring, then choose Retry."_s;
            }
            remove(key, [outcome, done](const SecretResult &) {
                done(outcome);
            });
        });
    });
}

} // namespace app
