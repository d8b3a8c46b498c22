// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tools/compactsdl.h"
#include "dimo/core/result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

namespace dimo {
class Client;
}

namespace app::tools {

using SchemaPtr = std::shared_ptr<const CompactSchema>;

// Introspection results of Identity and Telemetry: fetched once, kept in memory and on disk
// (fresh for a day), refetched after a schema error. Concurrent requests share one fetch.
class SchemaCache : public QObject
{
    Q_OBJECT
public:
    using ClientGetter = std::function<dimo::Result<dimo::Client *>()>;
    using Callback = std::function<void(const dimo::Result<SchemaPtr> &schema)>;

    SchemaCache(ClientGetter client, QString directory, std::function<QDateTime()> now, QObject *parent = nullptr);

    // `service` is "identity" or "telemetry"; `endpoint` the service URL (keys the disk cache).
    void get(const QString &service, const QUrl &endpoint, Callback callback);
    // The cached schema without any fetch (nullptr when none is loaded).
    SchemaPtr cached(const QString &service) const;
    // Forget the service's schema (memory and disk), e.g. after DIMO rejected a query.
    void invalidate(const QString &service);

    int fetchCount() const { return m_fetches; }

private:
    QString filePath(const QString &service, const QUrl &endpoint) const;
    bool loadFromDisk(const QString &service, const QUrl &endpoint);
    void fetch(const QString &service, const QUrl &endpoint);
    void deliver(const QString &service, const dimo::Result<SchemaPtr> &result);

    ClientGetter m_client;
    QString m_directory;
    std::function<QDateTime()> m_now;
    QHash<QString, SchemaPtr> m_schemas;
    QHash<QString, QList<Callback>> m_waiting;
    int m_fetches = 0;
};

} // namespace app::tools
