# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
dimotray_add_test(NAME tst_activity SOURCES tst_activity.cpp LIBS dimotray::ui LABELS gui)
