// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>
#include <QUrl>

// Starts the DIMO simulator (`bash scripts/dimo-sim --port 0`) and talks to its control API.
// One per test executable: start() in initTestCase(), reset() in init(), dumpOnFailure() in
// cleanup(). The destructor stops the process. Control calls block (test code only).
class DimoSim
{
public:
    DimoSim();
    ~DimoSim();
    DimoSim(const DimoSim &) = delete;
    DimoSim &operator=(const DimoSim &) = delete;

    bool start(QString *error = nullptr, const QStringList &extraArgs = {});
    bool isRunning() const;

    QUrl baseUrl() const { return m_baseUrl; }

    QUrl controlUrl() const { return m_controlUrl; }

    QString environmentFile() const { return m_environmentFile; }

    QJsonObject testCredentials() const { return m_credentials; }

    QString credential(const QString &key) const { return m_credentials.value(key).toString(); }

    QUrl serviceUrl(const QString &service) const; // from the environment file

    // Control API.
    QJsonArray requests(const QString &service = {});
    int count(const QString &service, const QString &pathPrefix = {}, const QByteArray &method = {});
    bool reset();
    QJsonObject fault(const QJsonObject &fault);
    bool clearFaults();
    bool expireTokens();
    bool setClockOffset(qint64 seconds);
    bool setCredits(qint64 tokenId, int remaining); // the main license's balance for a vehicle, until reset
    QJsonObject fixtures();

    // GET a login URL with testUser + autoApprove and return the 302 Location (the redirect).
    QUrl autoLogin(const QUrl &loginUrl, int testUser, bool shareEmail = false);

    QString stderrText() const { return QString::fromUtf8(m_stderr); }

    void dumpOnFailure(); // prints stderr and the request log with qWarning if the current test failed

private:
    QJsonObject control(const QByteArray &method, const QString &path, const QJsonValue &body = {});

    QProcess m_process;
    QNetworkAccessManager m_nam;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QUrl m_baseUrl;
    QUrl m_controlUrl;
    QString m_environmentFile;
    QJsonObject m_credentials;
    QJsonObject m_environment;
};
