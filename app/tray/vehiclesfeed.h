// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

namespace ui {
class VehiclesWindow;
}

namespace app {

namespace tools {
class Backend;
}

// Feeds the vehicles window from the Backend: the vehicle list (refreshed on demand), and the
// latest signals of the rows the user actually sees (the model asks lazily; at most four
// telemetry requests run at a time, so 250 vehicles never mean 250 requests at once).
class VehiclesFeed : public QObject
{
    Q_OBJECT
public:
    VehiclesFeed(tools::Backend &backend, ui::VehiclesWindow &window, bool demo, QObject *parent = nullptr);

private:
    void updateList();
    void want(const QList<qint64> &tokenIds);
    void pump();
    QString walletOf() const;
    QStringList signalNamesFor(qint64 tokenId) const;

    tools::Backend &m_backend;
    QPointer<ui::VehiclesWindow> m_window;
    QList<qint64> m_queue;
    int m_running = 0;
    bool m_demo;
};

} // namespace app
