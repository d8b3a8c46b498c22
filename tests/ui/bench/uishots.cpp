// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// dimotray-ui-shots DIR: renders the vehicles, approval and activity windows with synthetic
// content to DIR/{vehicles,vehicles-empty,approval,activity,activity-empty}.png (a starting
// point for scripts/screenshots; offscreen when there is no display).
#include "tests/ui/syntheticvehicles.h"
#include "ui/activity/activitymodel.h"
#include "ui/activity/activitywindow.h"
#include "ui/approval/approvaldialog.h"
#include "ui/vehicles/vehiclelistmodel.h"
#include "ui/vehicles/vehicleswindow.h"

#include <QApplication>
#include <QDir>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool save(QWidget &w, const QDir &dir, const QString &name)
{
    settle(150);
    const QString path = dir.filePath(name + u".png"_s);
    if (!w.grab().save(path)) {
        std::fprintf(stderr, "dimotray-ui-shots: cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: dimotray-ui-shots DIR\n");
        return 2;
    }
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    if (!QDir().mkpath(dir.path())) {
        return 1;
    }
    bool ok = true;

    const QDateTime now = QDateTime::currentDateTimeUtc();
    ui::VehiclesWindow vehicles;
    vehicles.setDemoMode(true);
    vehicles.setVehicles(testvehicles::make(250), testvehicles::myWallet);
    QObject::connect(vehicles.model(), &ui::VehicleListModel::signalsWanted, &vehicles, [&](const QList<qint64> &ids) {
        for (qint64 id : ids) {
            const QString seen = now.addSecs(-(id % 7) * 600).toString(Qt::ISODate);
            vehicles.model()->setSignals(
                id, testvehicles::latest(seen, 20 + id % 80, 100 + id % 300, 10000 + id * 37, id % 2 == 0));
        }
    });
    vehicles.resize(1400, 600);
    vehicles.show();
    vehicles.selectToken(1009);
    ok = save(vehicles, dir, u"vehicles"_s) && ok;

    ui::VehiclesWindow empty;
    empty.setStatusText(u"Signed out"_s);
    empty.setEmptyText(u"Log in with DIMO (tray menu → Log in) to see your vehicles."_s);
    empty.resize(800, 400);
    empty.show();
    ok = save(empty, dir, u"vehicles-empty"_s) && ok;

    ui::ApprovalDialog approval(
        {u"Claude Desktop"_s, u"unlock_doors"_s, u"Unlock the doors"_s, 1009, u"2024 Tesla Model 3 (Car 9)"_s});
    approval.show();
    ok = save(approval, dir, u"approval"_s) && ok;

    ui::ActivityModel activity;
    ui::ActivityWindow activityWindow(&activity);
    activityWindow.show();
    ok = save(activityWindow, dir, u"activity-empty"_s) && ok;
    ui::ActivityEntry call;
    call.client = u"Claude Desktop"_s;
    call.tool = u"identity_list_vehicles"_s;
    activity.finish(activity.begin(call), ui::ActivityEntry::Ok, 420, 2);
    call.tool = u"telemetry_get_latest_signals"_s;
    call.tokenId = 1009;
    activity.finish(activity.begin(call), ui::ActivityEntry::Ok, 310, 1);
    call.tool = u"unlock_doors"_s;
    const quint64 unlock = activity.begin(call);
    activity.setApproval(unlock, ui::describeApproval(ui::ApprovalChoice::AllowOnce));
    activity.finish(unlock, ui::ActivityEntry::Ok, 2300, 3);
    activity.setConfirmation(unlock, u"confirmed by telemetry"_s);
    call.tool = u"telemetry_get_signals_time_series"_s;
    activity.begin(call);
    activityWindow.selectId(unlock);
    ok = save(activityWindow, dir, u"activity"_s) && ok;
    return ok ? 0 : 1;
}
