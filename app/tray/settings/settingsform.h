// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tray/settings/settings.h"
#include "ui/settings/settingsvalues.h"

#include <QList>

namespace app::settingsform {

// The one seam between the app's settings and the Settings dialog's form.
ui::SettingsValues toForm(const Settings &settings);
Settings fromForm(const ui::SettingsValues &form);
QList<ui::SettingsOverride> toForm(const QList<SettingsOverride> &overrides);
// The dialog's lists: the names from tools:: and Settings, with the labels people see.
ui::SettingsChoices choices();

} // namespace app::settingsform
