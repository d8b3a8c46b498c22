# SPDX-FileCopyrightText: 2026 DIMO Tray developers
# SPDX-License-Identifier: Apache-2.0
#
# Login with DIMO through the dimo-tray-login helper (real QtWebEngine) against the simulator:
# the verified login, forged redirects, provisioning a license. Offscreen by default; scripts/test
# adds QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox --disable-gpu" under Xvfb.
dimotray_add_test(NAME tst_loginprocess SOURCES tst_loginprocess.cpp
    LIBS dimotray::app dimotray::testsupport_dimo
    LABELS webengine TIMEOUT 120 FIXTURES dimosim_deps)
add_dependencies(tst_loginprocess dimo-tray-login)
# The page in-process: popups to the system browser unless Login with DIMO's own, redirects caught.
dimotray_add_test(NAME tst_loginpage SOURCES tst_loginpage.cpp LIBS dimotray::ui_web LABELS webengine TIMEOUT 120)
dimotray_add_test(NAME tst_provisionbridge SOURCES tst_provisionbridge.cpp LIBS dimotray::ui_web LABELS unit)
