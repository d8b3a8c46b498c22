// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/vehicles/vehicle.h"

#include <QList>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace ui {

class VehicleListModel;

/// The vehicles window: a sortable, filterable table of the vehicles the tools can reach, a
/// details pane for the selected one, Refresh, "Share more vehicles…" and a one-click re-share of
/// the privileges the selected vehicle lacks. Owns its VehicleListModel (model()); feed it with
/// setVehicles()/model()->setSignals() and answer model()->signalsWanted().
class VehiclesWindow : public QWidget
{
    Q_OBJECT
public:
    explicit VehiclesWindow(QWidget *parent = nullptr);

    VehicleListModel *model() const { return m_model; }

    /// Same as model()->setVehicles(); keeps the selection on the same token id if still listed.
    void setVehicles(const QList<dimo::Vehicle> &vehicles, const QString &myWallet);
    /// A banner above the table ("Signed out", "DIMO unreachable: …"); empty hides it.
    void setStatusText(const QString &text);
    /// Marks demo mode: a banner "Demo mode: the DIMO simulator's vehicles" unless a status text is set.
    void setDemoMode(bool demo);
    /// What an empty list says (the default explains sharing and Refresh).
    void setEmptyText(const QString &text);
    /// Privileges the tools want; a selected vehicle lacking any gets a "Grant …" button.
    /// Default: 1, 2, 4, 5, 6 (data, commands, location, VIN, live data).
    void setWantedPrivileges(const QList<int> &ids);
    /// Fleet mode reaches every shared vehicle; without it, only the signed-in owner's (the
    /// details pane's capability rows say which).
    void setFleetMode(bool fleet);

    qint64 selectedTokenId() const; // 0 if none
    bool selectToken(qint64 tokenId);

    // For tests and the screenshots script.
    QTableView *tableView() const { return m_table; }

    QLineEdit *filterEdit() const { return m_filter; }

    QLabel *detailsLabel() const { return m_details; }

    QPushButton *grantButton() const { return m_grant; }

    QLabel *bannerLabel() const { return m_banner; }

    bool isShowingEmptyText() const;

Q_SIGNALS:
    void refreshRequested();
    void shareRequested();
    /// The user asked to grant the privileges the vehicle lacks (sorted privilege ids).
    void reshareRequested(qint64 tokenId, const QList<int> &missingPrivileges);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QHBoxLayout *buildTopBar(); // filter, Refresh, Share more vehicles…
    void setupTable();
    QWidget *buildDetailsPane();
    void updateBanner();
    void updateEmptyState();
    void updateDetails();
    QList<int> missingFor(const dimo::Vehicle &vehicle) const;

    VehicleListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_banner;
    QLineEdit *m_filter;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QTableView *m_table;
    QLabel *m_details;
    QPushButton *m_grant;
    QTimer *m_ages;
    QString m_status;
    bool m_demo = false;
    bool m_fleet = false;
    QList<int> m_wanted;
};

} // namespace ui
