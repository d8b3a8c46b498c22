# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
#
# "Connect an AI client": the dialog (ui only) and the app side (Claude Desktop's config file,
# snippets, the HTTP token, start at login, the controller).
dimotray_add_test(NAME tst_connectdialog SOURCES tst_connectdialog.cpp LIBS dimotray::ui LABELS gui)
dimotray_add_test(NAME tst_claudedesktopconfig SOURCES tst_claudedesktopconfig.cpp LIBS dimotray::app LABELS unit)
dimotray_add_test(NAME tst_clientsetup SOURCES tst_clientsetup.cpp LIBS dimotray::app LABELS unit gui)
