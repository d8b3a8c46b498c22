// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QNetworkAccessManager>

namespace app {

// The tray's one network manager; counts the requests it starts (the activity window's "DIMO
// requests" column).
class CountingNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT
public:
    using QNetworkAccessManager::QNetworkAccessManager;

    quint64 requestCount() const { return m_count; }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override
    {
        ++m_count;
        return QNetworkAccessManager::createRequest(op, request, outgoingData);
    }

private:
    quint64 m_count = 0;
};

} // namespace app
