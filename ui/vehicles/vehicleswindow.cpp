// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/vehicles/vehicleswindow.h"

#include "dimo/core/privileges.h"
#include "ui/listview.h"
#include "ui/vehicles/naturalsort.h"
#include "ui/vehicles/vehiclelistmodel.h"
#include "ui/vehicles/vehicletext.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

VehiclesWindow::VehiclesWindow(QWidget *parent)
    : QWidget(parent)
    , m_model(new VehicleListModel(this))
    , m_proxy(new NaturalSortProxy(this))
    , m_banner(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_table(new QTableView(this))
    , m_details(new QLabel(this))
    , m_grant(new QPushButton(this))
    , m_ages(new QTimer(this))
    , m_wanted{1, 2, 4, 5, 6}
{
    setWindowTitle(tr("Vehicles — DIMO Tray"));
    resize(1000, 600);

    m_banner->setWordWrap(true);
    m_banner->setMargin(6);
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_banner->setForegroundRole(QPalette::ToolTipText);
    m_banner->hide();
    setupTable();

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(buildDetailsPane());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({740, 300});

    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMargin(24);
    setEmptyText({});
    m_stack->addWidget(m_empty);
    m_stack->addWidget(splitter);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(buildTopBar());
    layout->addWidget(m_stack, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &VehiclesWindow::updateDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, &VehiclesWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        const int row = m_model->rowOfToken(selectedTokenId());
        if (row >= from.row() && row <= to.row()) {
            updateDetails();
        }
    });
    m_ages->setInterval(30000);
    connect(m_ages, &QTimer::timeout, m_model, &VehicleListModel::refreshAges);
    updateEmptyState();
    updateDetails();
}

QHBoxLayout *VehiclesWindow::buildTopBar()
{
    m_filter->setPlaceholderText(tr("Filter by name, make, model, year, token id or owner"));
    m_filter->setClearButtonEnabled(true);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    auto *share = new QPushButton(tr("Share more vehicles…"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(refresh);
    top->addWidget(share);
    connect(refresh, &QPushButton::clicked, this, &VehiclesWindow::refreshRequested);
    connect(share, &QPushButton::clicked, this, &VehiclesWindow::shareRequested);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    return top;
}

void VehiclesWindow::setupTable()
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(VehicleListModel::SortRole);
    m_proxy->setFilterRole(VehicleListModel::FilterRole);
    m_proxy->setFilterKeyColumn(VehicleListModel::NameColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    // No resize-to-contents: nothing measures all 250 rows.
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(VehicleListModel::NameColumn, Qt::AscendingOrder);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    setUpListTable(m_table,
                   {{VehicleListModel::NameColumn, 180},
                    {VehicleListModel::MakeModelYearColumn, 170},
                    {VehicleListModel::TokenIdColumn, 80},
                    {VehicleListModel::OwnerColumn, 70},
                    {VehicleListModel::PrivilegesColumn, 170},
                    {VehicleListModel::LastSeenColumn, 100},
                    {VehicleListModel::EnergyColumn, 110},
                    {VehicleListModel::RangeColumn, 80},
                    {VehicleListModel::OdometerColumn, 100},
                    {VehicleListModel::LockColumn, 80}});
}

// The right-hand pane: the selected vehicle's details and the "grant what is missing" button.
QWidget *VehiclesWindow::buildDetailsPane()
{
    setUpDetailsLabel(m_details);
    m_grant->hide();
    auto *pane = new QWidget(this);
    auto *paneLayout = new QVBoxLayout(pane);
    paneLayout->addWidget(m_details);
    paneLayout->addWidget(m_grant);
    paneLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(pane);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(260);
    connect(m_grant, &QPushButton::clicked, this, [this] {
        const qint64 tokenId = selectedTokenId();
        const QList<int> missing = missingFor(m_model->vehicleAt(m_model->rowOfToken(tokenId)));
        if (tokenId != 0 && !missing.isEmpty()) {
            Q_EMIT reshareRequested(tokenId, missing);
        }
    });
    return scroll;
}

void VehiclesWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_model->refreshAges();
    m_ages->start();
}

void VehiclesWindow::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_ages->stop();
}

void VehiclesWindow::setVehicles(const QList<dimo::Vehicle> &vehicles, const QString &myWallet)
{
    const qint64 selected = selectedTokenId();
    m_model->setVehicles(vehicles, myWallet);
    if (selected != 0) {
        selectToken(selected);
    }
    updateDetails();
}

void VehiclesWindow::setFleetMode(bool fleet)
{
    if (m_fleet != fleet) {
        m_fleet = fleet;
        updateDetails();
    }
}

void VehiclesWindow::setStatusText(const QString &text)
{
    m_status = text;
    updateBanner();
}

void VehiclesWindow::setDemoMode(bool demo)
{
    m_demo = demo;
    setWindowTitle(demo ? tr("Vehicles (demo) — DIMO Tray") : tr("Vehicles — DIMO Tray"));
    updateBanner();
}

void VehiclesWindow::setEmptyText(const QString &text)
{
    m_empty->setText(text.isEmpty()
                         ? tr("No vehicles to show.\n\nShare a vehicle with this app (Share more vehicles…), "
                              "then press Refresh. In fleet mode every vehicle shared with your developer "
                              "license appears here.")
                         : text);
}

void VehiclesWindow::setWantedPrivileges(const QList<int> &ids)
{
    m_wanted = dimo::privilege::normalized(ids);
    updateDetails();
}

qint64 VehiclesWindow::selectedTokenId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(VehicleListModel::TokenIdRole).toLongLong() : 0;
}

bool VehiclesWindow::selectToken(qint64 tokenId)
{
    const int row = m_model->rowOfToken(tokenId);
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (row < 0 || !index.isValid()) {
        return false;
    }
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

bool VehiclesWindow::isShowingEmptyText() const
{
    return m_stack->currentWidget() == m_empty;
}

void VehiclesWindow::updateBanner()
{
    QString text = m_status;
    if (text.isEmpty() && m_demo) {
        text = tr("Demo mode: the DIMO simulator's vehicles");
    }
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

void VehiclesWindow::updateEmptyState()
{
    m_stack->setCurrentIndex(m_model->rowCount() == 0 ? 0 : 1);
}

QList<int> VehiclesWindow::missingFor(const dimo::Vehicle &vehicle) const
{
    if (vehicle.tokenId == 0) {
        return {};
    }
    return dimo::privilege::normalized(
        dimo::privilege::missing(vehicle.shared ? vehicle.privileges : QList<int>{}, m_wanted));
}

void VehiclesWindow::updateDetails()
{
    const int row = m_model->rowOfToken(selectedTokenId());
    if (row < 0) {
        m_details->setText(tr("Select a vehicle to see its details."));
        m_grant->hide();
        return;
    }
    const dimo::Vehicle v = m_model->vehicleAt(row);
    m_model->want(v.tokenId);
    const QList<int> missing = missingFor(v);
    const bool mine = m_model->isMine(row);
    // The doctor's rows from what the window knows: the grant, the data sources, the latest
    // signals' age; tesla-oracle is not asked from here (vehicle_capabilities does).
    dimo::CapabilityFacts facts;
    facts.tokenId = v.tokenId;
    facts.now = m_model->now();
    facts.fleetMode = m_fleet;
    facts.wallet = m_model->wallet();
    facts.vehicle = v;
    const VehicleSignals *latest = m_model->signalsFor(v.tokenId);
    facts.dataChecked = latest != nullptr;
    facts.lastSeen = latest ? latest->lastSeen : QDateTime();
    m_details->setText(vehicleDetailsHtml(v, latest, mine, missing, m_model->now(), dimo::diagnoseCapabilities(facts)));
    QStringList names;
    for (int id : missing) {
        names << privilegeShortName(id);
    }
    m_grant->setText(tr("Grant %1…").arg(names.join(u", "_s)));
    m_grant->setVisible(!missing.isEmpty());
    m_grant->setEnabled(mine);
    m_grant->setToolTip(mine ? tr("Opens Login with DIMO to share this vehicle again with exactly these privileges")
                             : tr("Only the vehicle's owner can grant more privileges"));
}

} // namespace ui
