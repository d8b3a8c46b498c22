// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// dimotray-ui-bench: how long the vehicles window takes to first paint its table with N synthetic
// vehicles (default 250), from constructing the window to the first Paint event of the table's
// viewport (the QApplication already exists, as in the tray). Prints
// "vehicles_window_first_paint_ms <n>", or with --json {"vehicles_window_first_paint_ms": n}.
// Runs under any QPA platform; without DISPLAY/WAYLAND_DISPLAY/QT_QPA_PLATFORM it uses offscreen.
#include "tests/ui/syntheticvehicles.h"
#include "ui/vehicles/vehicleswindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTableView>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

class FirstPaint : public QObject
{
public:
    explicit FirstPaint(const QElapsedTimer &clock)
        : m_clock(clock)
    {}

    qint64 elapsedMs = -1;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && elapsedMs < 0) {
            elapsedMs = m_clock.elapsed();
            // Let this paint finish, then stop.
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &m_clock;
};

} // namespace

int main(int argc, char **argv)
{
    // Without a display (a plain ssh shell, CI), measure offscreen instead of aborting.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"json"_s, u"Print one JSON object."_s});
    parser.addOption({u"vehicles"_s, u"Number of synthetic vehicles (default 250)."_s, u"n"_s, u"250"_s});
    parser.process(app);
    const int count = parser.value(u"vehicles"_s).toInt();

    QElapsedTimer clock;
    clock.start();
    FirstPaint probe(clock);
    ui::VehiclesWindow window;
    window.tableView()->viewport()->installEventFilter(&probe);
    window.setVehicles(testvehicles::make(count), testvehicles::myWallet);
    window.resize(1000, 600);
    window.show();
    QTimer::singleShot(30000, &app, &QCoreApplication::quit);
    app.exec();

    if (probe.elapsedMs < 0) {
        std::fprintf(stderr, "dimotray-ui-bench: the vehicles table was never painted (30 s)\n");
        return 1;
    }
    if (parser.isSet(u"json"_s)) {
        std::printf("{\"vehicles_window_first_paint_ms\": %lld}\n", static_cast<long long>(probe.elapsedMs));
    } else {
        std::printf("vehicles_window_first_paint_ms %lld\n", static_cast<long long>(probe.elapsedMs));
    }
    return 0;
}
