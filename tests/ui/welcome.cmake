# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
# The first-run welcome under offscreen.
dimotray_add_test(NAME tst_welcomedialog SOURCES tst_welcomedialog.cpp LIBS dimotray::ui LABELS gui unit)
