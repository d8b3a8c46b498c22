// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// SettingsDialog: values in and out, overrides, validation state, the keychain banner and the
// credential test (the widgets are built in settingsdialog.cpp).
#include "ui/settings/settingsdialog.h"
#include "ui/settings/validatedfield.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFrame>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;

namespace ui {
namespace {

// Selects the entry with this value; an unknown value is added (e.g. a toolset this version does
// not list), an empty one keeps the selection.
void selectData(QComboBox *combo, const QString &data)
{
    if (data.isEmpty()) {
        return;
    }
    int index = combo->findData(data);
    if (index < 0) {
        combo->addItem(data, data); // e.g. a toolset this version does not list
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

bool truthy(const QString &value)
{
    const QString v = value.trimmed().toLower();
    return v == u"true"_s || v == u"1"_s || v == u"yes"_s;
}

void showNote(QLabel *label, const QStringList &lines)
{
    label->setText(lines.join(u'\n'));
    label->setVisible(!lines.isEmpty());
}

} // namespace

void SettingsDialog::setValues(const SettingsValues &values)
{
    m_stored = values;
    if (!m_overrideValues.contains(SettingsField::Environment)) {
        selectData(m_environment,
                   values.environment == SettingsValues::Environment::Production ? u"production"_s
                       : values.environment == SettingsValues::Environment::Dev  ? u"dev"_s
                                                                                 : u"custom"_s);
        m_environmentFile->setText(values.environmentFile);
    }
    m_clientId->setText(values.clientId);
    m_redirectUri->setText(values.redirectUri);
    if (!m_apiKey->isLocked()) {
        m_apiKey->setText(values.apiKey);
    }
    if (!m_overrideValues.contains(SettingsField::FleetMode)) {
        m_fleetMode->setChecked(values.fleetMode);
    }
    if (!m_overrideValues.contains(SettingsField::ApprovalPolicy)) {
        selectData(m_approval, values.approvalPolicy);
    }
    if (!m_overrideValues.contains(SettingsField::Toolset)) {
        selectData(m_toolset, values.toolset);
    }
    m_httpEnabled->setChecked(values.httpEnabled);
    m_httpPort->setValue(values.httpPort);
    m_httpPort->setEnabled(values.httpEnabled);
    m_startAtLogin->setChecked(values.startAtLogin);
    selectData(m_logLevel, values.logLevel);
    m_testResult->setVisible(false);
    updateEnvironmentRow();
    updateLicenseRules();
    updateButtons();
}

SettingsValues SettingsDialog::values() const
{
    SettingsValues v = m_stored;
    if (!m_overrideValues.contains(SettingsField::Environment)) {
        const QString env = m_environment->currentData().toString();
        v.environment = env == u"dev"_s ? SettingsValues::Environment::Dev
            : env == u"custom"_s        ? SettingsValues::Environment::Custom
                                        : SettingsValues::Environment::Production;
        v.environmentFile =
            v.environment == SettingsValues::Environment::Custom ? m_environmentFile->value() : QString();
    }
    v.clientId = m_clientId->value();
    v.redirectUri = m_redirectUri->value();
    if (!m_apiKey->isLocked()) {
        v.apiKey = m_apiKey->value();
    }
    if (!m_overrideValues.contains(SettingsField::FleetMode)) {
        v.fleetMode = m_fleetMode->isChecked();
    }
    if (!m_overrideValues.contains(SettingsField::ApprovalPolicy)) {
        v.approvalPolicy = m_approval->currentData().toString();
    }
    if (!m_overrideValues.contains(SettingsField::Toolset)) {
        v.toolset = m_toolset->currentData().toString();
    }
    v.httpEnabled = m_httpEnabled->isChecked();
    v.httpPort = quint16(m_httpPort->value());
    v.startAtLogin = m_startAtLogin->isChecked();
    v.logLevel = m_logLevel->currentData().toString();
    return v;
}

void SettingsDialog::setChoices(const SettingsChoices &choices)
{
    // What stays selected: the override's value, else the current entry, else the stored value.
    const auto kept = [this](QComboBox *combo, std::optional<SettingsField> field, const QString &stored) {
        if (field && m_overrideValues.contains(*field)) {
            return m_overrideValues.value(*field);
        }
        const QString current = combo->currentData().toString();
        return current.isEmpty() ? stored : current;
    };
    const auto fill = [](QComboBox *combo, const QList<SettingsChoice> &entries, const QString &selected) {
        combo->clear();
        for (const SettingsChoice &c : entries) {
            combo->addItem(c.label, c.value);
        }
        selectData(combo, selected);
    };
    fill(
        m_approval, choices.approvalPolicies, kept(m_approval, SettingsField::ApprovalPolicy, m_stored.approvalPolicy));
    fill(m_toolset, choices.toolsets, kept(m_toolset, SettingsField::Toolset, m_stored.toolset));
    fill(m_logLevel, choices.logLevels, kept(m_logLevel, std::nullopt, m_stored.logLevel));
}

void SettingsDialog::setOverrides(const QList<SettingsOverride> &overrides)
{
    const SettingsValues stored = values();
    m_overrideValues.clear();
    for (ValidatedField *field : {m_clientId, m_redirectUri, m_apiKey}) {
        field->clearOverride();
    }
    for (QWidget *w : std::initializer_list<QWidget *>{m_environment, m_fleetMode, m_approval, m_toolset}) {
        w->setEnabled(true);
    }
    m_environmentFileRow->setEnabled(true);
    QStringList environmentNotes;
    QStringList fleetNotes;
    QStringList toolsNotes;
    for (const SettingsOverride &o : overrides) {
        m_overrideValues.insert(o.field, o.value);
        const QString setBy = tr("Set by %1 for this run").arg(o.variable);
        switch (o.field) {
        case SettingsField::Environment:
            environmentNotes << setBy + u": "_s + o.value;
            break;
        case SettingsField::LoginUrl:
            environmentNotes << tr("Login with DIMO address set by %1 for this run: %2").arg(o.variable, o.value);
            break;
        case SettingsField::EntryState:
            environmentNotes << tr("Login with DIMO starts at %1 (set by %2 for this run)").arg(o.value, o.variable);
            break;
        case SettingsField::FleetMode:
            fleetNotes << setBy + u'.';
            break;
        case SettingsField::ApprovalPolicy:
        case SettingsField::Toolset:
            toolsNotes << tr("%1 set by %2 for this run.")
                              .arg(o.field == SettingsField::Toolset ? tr("Tools offered") : tr("Command approval"),
                                   o.variable);
            break;
        case SettingsField::ClientId:
        case SettingsField::RedirectUri:
        case SettingsField::ApiKey:
            break;
        }
        applyOverride(o);
    }
    showNote(m_environmentNote, environmentNotes);
    showNote(m_fleetNote, fleetNotes);
    showNote(m_toolsNote, toolsNotes);
    // Widgets that were freed again show the stored values.
    m_stored = stored;
    setValues(stored);
}

void SettingsDialog::applyOverride(const SettingsOverride &o)
{
    switch (o.field) {
    case SettingsField::Environment:
        m_environment->setEnabled(false);
        m_environmentFileRow->setEnabled(false);
        break;
    case SettingsField::ClientId:
        m_clientId->setOverride(o.variable, o.value);
        break;
    case SettingsField::RedirectUri:
        m_redirectUri->setOverride(o.variable, o.value);
        break;
    case SettingsField::ApiKey:
        m_apiKey->setOverride(o.variable, QString()); // a secret is never shown
        break;
    case SettingsField::FleetMode:
        m_fleetMode->setChecked(truthy(o.value));
        m_fleetMode->setEnabled(false);
        break;
    case SettingsField::ApprovalPolicy:
        selectData(m_approval, o.value);
        m_approval->setEnabled(false);
        break;
    case SettingsField::Toolset:
        selectData(m_toolset, o.value);
        m_toolset->setEnabled(false);
        break;
    case SettingsField::LoginUrl:
    case SettingsField::EntryState:
        break;
    }
}

void SettingsDialog::setKeychainError(const QString &message)
{
    m_keychainError = message;
    if (message.isEmpty()) {
        m_banner->setVisible(false);
        m_apiKey->setLocked({});
        m_apiKey->setText(m_stored.apiKey);
    } else {
        m_bannerText->setText(message + u"\n\n"_s
                              + tr("Secrets (the API key) cannot be stored until the keychain works: DIMO Tray "
                                   "never writes them in plain text. The other settings can still be saved."));
        m_banner->setVisible(true);
        m_apiKey->setText(QString());
        m_apiKey->setLocked(tr("Cannot be stored: the keychain is not available (see above)."));
    }
    updateLicenseRules();
    updateButtons();
}

void SettingsDialog::setStoredApiKey(const QString &apiKey)
{
    m_stored.apiKey = apiKey;
    if (!m_apiKey->isLocked() && m_apiKey->isEmpty()) {
        m_apiKey->setText(apiKey);
    }
    updateLicenseRules();
    updateButtons();
}

QString SettingsDialog::environmentName() const
{
    if (m_overrideValues.contains(SettingsField::Environment)) {
        return m_overrideValues.value(SettingsField::Environment);
    }
    const QString env = m_environment->currentData().toString();
    return env == u"custom"_s ? m_environmentFile->value() : env;
}

dimo::Result<dimo::Credentials> SettingsDialog::credentials() const
{
    auto effective = [this](SettingsField field, const ValidatedField *edit) {
        return m_overrideValues.contains(field) ? m_overrideValues.value(field) : edit->text();
    };
    const QString apiKey = m_apiKey->isLocked() ? m_stored.apiKey : effective(SettingsField::ApiKey, m_apiKey);
    return dimo::Credentials::validated(
        effective(SettingsField::ClientId, m_clientId), effective(SettingsField::RedirectUri, m_redirectUri), apiKey);
}

bool SettingsDialog::isSavable() const
{
    const bool customEnvironment = !m_overrideValues.contains(SettingsField::Environment)
        && m_environment->currentData().toString() == u"custom"_s;
    return m_clientId->isValid() && m_redirectUri->isValid() && m_apiKey->isValid()
        && (!customEnvironment || m_environmentFile->isValid());
}

void SettingsDialog::updateEnvironmentRow()
{
    m_environmentFileRow->setVisible(m_environment->currentData().toString() == u"custom"_s);
}

void SettingsDialog::updateLicenseRules()
{
    // All empty: "not configured" is a valid choice. Anything typed: all three are needed.
    const bool apiKeyPresent =
        !m_apiKey->isEmpty() || m_apiKey->isOverridden() || (m_apiKey->isLocked() && !m_stored.apiKey.isEmpty());
    const bool anyPresent = !m_clientId->isEmpty() || m_clientId->isOverridden() || !m_redirectUri->isEmpty()
        || m_redirectUri->isOverridden() || apiKeyPresent;
    for (ValidatedField *field : {m_clientId, m_redirectUri, m_apiKey}) {
        field->setRequired(anyPresent);
    }
    showNote(m_licenseNote,
             anyPresent ? QStringList()
                        : QStringList{tr("No license entered: DIMO Tray will run without one (not configured) until "
                                         "you enter the client ID, redirect URI and API key of a DIMO developer "
                                         "license.")});
}

void SettingsDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    QTimer::singleShot(0, this, &SettingsDialog::fitHeight);
}

void SettingsDialog::fitHeight()
{
    // Word-wrapped messages appear as the user types; a top-level layout does not count their
    // height-for-width in its minimum, so grow the window instead of squeezing the rows.
    if (isVisible() && hasHeightForWidth()) {
        const int needed = heightForWidth(width());
        if (needed > height()) {
            resize(width(), needed);
        }
    }
}

void SettingsDialog::updateButtons()
{
    QTimer::singleShot(0, this, &SettingsDialog::fitHeight);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(isSavable());
    const bool environmentOk = m_overrideValues.contains(SettingsField::Environment)
        || m_environment->currentData().toString() != u"custom"_s || m_environmentFile->isValid();
    m_test->setEnabled(!m_busy && environmentOk && credentials().ok());
}

void SettingsDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_testBusy->setVisible(busy);
    m_test->setText(busy ? tr("Testing…") : tr("Test credentials"));
    updateButtons();
}

void SettingsDialog::requestTest()
{
    const auto creds = credentials();
    if (!creds || m_busy) {
        return;
    }
    setBusy(true);
    m_testResult->setText(tr("Asking DIMO for a developer token with this license…"));
    m_testResult->setForegroundRole(QPalette::WindowText);
    m_testResult->setVisible(true);
    Q_EMIT testRequested(creds.value(), environmentName());
}

void SettingsDialog::showTestResult(bool ok, const QString &words)
{
    setBusy(false);
    m_testResult->setText((ok ? u"✔ "_s : u"✘ "_s) + words);
    QPalette p = m_testResult->palette();
    p.setColor(QPalette::BrightText, ok ? QColor(0x26, 0x7b, 0x2e) : QColor(0xc0, 0x1c, 0x28));
    m_testResult->setPalette(p);
    m_testResult->setForegroundRole(QPalette::BrightText);
    m_testResult->setVisible(true);
}

void SettingsDialog::setCredits(const QString &summary)
{
    m_credits->setText(summary.isEmpty() ? QString()
                                         : tr("DIMO credits: %1. DIMO deducts them per vehicle on each query; buy more "
                                              "in the DIMO developer console (console.dimo.org).")
                                               .arg(summary));
    m_credits->setVisible(!summary.isEmpty());
}

} // namespace ui
