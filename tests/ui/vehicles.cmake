# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
dimotray_add_test(NAME tst_vehiclelistmodel SOURCES tst_vehiclelistmodel.cpp syntheticvehicles.h
                  LIBS dimotray::ui LABELS gui)
dimotray_add_test(NAME tst_vehicleswindow SOURCES tst_vehicleswindow.cpp syntheticvehicles.h
                  LIBS dimotray::ui LABELS gui)
# dimotray-ui-bench: vehicles_window_first_paint_ms (not a ctest; run by hand or scripts/bench).
add_subdirectory(bench)
