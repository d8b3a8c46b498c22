// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "ui/settings/settingsdialog.h"

#include "dimo/environment.h"
#include "ui/settings/approvalgrantspanel.h"
#include "ui/settings/validatedfield.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

namespace {
// Translation context for the free functions here (lupdate reads Q_DECLARE_TR_FUNCTIONS).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ui::SettingsDialog)
};
} // namespace

namespace {

QLabel *noteLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setVisible(false);
    return label;
}

dimo::Result<QString> validateEnvironmentFile(const QString &path)
{
    if (path.trimmed().isEmpty()) {
        return dimo::Error::make(dimo::Error::Kind::InvalidInput,
                                 Text::tr("choose a DIMO environment file"),
                                 Text::tr("It lists the service URLs, e.g. the DIMO simulator's environment file."));
    }
    const auto env = dimo::Environment::fromFile(path.trimmed());
    if (!env) {
        return env.error();
    }
    return path.trimmed();
}

} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("DIMO Tray Settings"));
    auto *layout = new QVBoxLayout(this);
    buildBanner();
    layout->addWidget(m_banner);
    layout->addWidget(buildLicense());
    layout->addWidget(buildTools());
    m_grants = new ApprovalGrantsPanel(this);
    layout->addWidget(m_grants);
    layout->addWidget(buildGeneral());
    layout->addStretch(1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isSavable()) {
            accept();
        }
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    setValues({});
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::buildBanner()
{
    m_banner = new QFrame(this);
    m_banner->setObjectName(u"keychainBanner"_s);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    QPalette p = m_banner->palette();
    p.setColor(QPalette::Window, QColor(0xfd, 0xf1, 0xd6));
    p.setColor(QPalette::WindowText, QColor(0x3d, 0x2b, 0x00));
    m_banner->setPalette(p);
    auto *row = new QHBoxLayout(m_banner);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(u"keychainMessage"_s);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextFormat(Qt::PlainText);
    row->addWidget(m_bannerText, 1);
    auto *retry = new QPushButton(tr("Retry"), m_banner);
    retry->setObjectName(u"retryKeychain"_s);
    connect(retry, &QPushButton::clicked, this, &SettingsDialog::retryKeychainRequested);
    row->addWidget(retry, 0, Qt::AlignTop);
    m_banner->setVisible(false);
}

QWidget *SettingsDialog::buildLicense()
{
    auto *box = new QGroupBox(tr("DIMO developer license"), this);
    auto *form = new QFormLayout(box);

    form->addRow(tr("Environment:"), buildEnvironmentColumn(box));

    m_clientId = new ValidatedField(dimo::Credentials::validateClientId, ValidatedField::Mode::Plain, box);
    m_clientId->setObjectName(u"clientId"_s);
    m_clientId->lineEdit()->setPlaceholderText(u"0x…"_s);
    form->addRow(tr("Client ID:"), m_clientId);
    m_redirectUri = new ValidatedField(dimo::Credentials::validateRedirectUri, ValidatedField::Mode::Plain, box);
    m_redirectUri->setObjectName(u"redirectUri"_s);
    m_redirectUri->lineEdit()->setPlaceholderText(u"https://example.com/callback"_s);
    form->addRow(tr("Redirect URI:"), m_redirectUri);
    m_apiKey = new ValidatedField(dimo::Credentials::validateApiKey, ValidatedField::Mode::Secret, box);
    m_apiKey->setObjectName(u"apiKey"_s);
    m_apiKey->setCleaner(cleanApiKeyInput);
    m_apiKey->lineEdit()->setPlaceholderText(tr("64 hexadecimal characters (stored in the keychain)"));
    form->addRow(tr("API key:"), m_apiKey);
    for (ValidatedField *field : {m_environmentFile, m_clientId, m_redirectUri, m_apiKey}) {
        connect(field, &ValidatedField::edited, this, [this] {
            m_testResult->setVisible(false);
            updateLicenseRules();
            updateButtons();
        });
        connect(field, &ValidatedField::validityChanged, this, &SettingsDialog::updateButtons);
    }
    m_licenseNote = noteLabel(u"licenseNote"_s, box);
    form->addRow(QString(), m_licenseNote);

    m_fleetMode = new QCheckBox(tr("Fleet mode: use every vehicle shared with this license"), box);
    m_fleetMode->setObjectName(u"fleetMode"_s);
    auto *fleetColumn = new QVBoxLayout;
    fleetColumn->addWidget(m_fleetMode);
    m_fleetNote = noteLabel(u"fleetModeNote"_s, box);
    fleetColumn->addWidget(m_fleetNote);
    form->addRow(QString(), fleetColumn);

    form->addRow(QString(), buildTestRow(box));
    m_testResult = noteLabel(u"testResult"_s, box);
    form->addRow(QString(), m_testResult);
    m_credits = noteLabel(u"credits"_s, box);
    form->addRow(QString(), m_credits);
    return box;
}

// The environment picker, the custom environment file's row (shown for "Custom") and its note.
QVBoxLayout *SettingsDialog::buildEnvironmentColumn(QWidget *box)
{
    m_environment = new QComboBox(box);
    m_environment->setObjectName(u"environment"_s);
    m_environment->addItem(tr("Production"), u"production"_s);
    m_environment->addItem(tr("Dev (Polygon Amoy)"), u"dev"_s);
    m_environment->addItem(tr("Custom environment file…"), u"custom"_s);
    connect(m_environment, &QComboBox::currentIndexChanged, this, [this] {
        updateEnvironmentRow();
        updateButtons();
    });
    auto *envColumn = new QVBoxLayout;
    envColumn->addWidget(m_environment);
    m_environmentFileRow = new QWidget(box);
    auto *fileRow = new QHBoxLayout(m_environmentFileRow);
    fileRow->setContentsMargins(0, 0, 0, 0);
    m_environmentFile = new ValidatedField(validateEnvironmentFile, ValidatedField::Mode::Plain, m_environmentFileRow);
    m_environmentFile->setObjectName(u"environmentFile"_s);
    m_environmentFile->setRequired(true);
    fileRow->addWidget(m_environmentFile, 1);
    auto *browse = new QPushButton(tr("Browse…"), m_environmentFileRow);
    browse->setObjectName(u"browseEnvironment"_s);
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::browseEnvironmentFile);
    fileRow->addWidget(browse, 0, Qt::AlignTop);
    envColumn->addWidget(m_environmentFileRow);
    m_environmentNote = noteLabel(u"environmentNote"_s, box);
    envColumn->addWidget(m_environmentNote);
    return envColumn;
}

// "Test credentials" and its busy indicator.
QHBoxLayout *SettingsDialog::buildTestRow(QWidget *box)
{
    auto *testRow = new QHBoxLayout;
    m_test = new QPushButton(tr("Test credentials"), box);
    m_test->setObjectName(u"testCredentials"_s);
    m_test->setToolTip(tr("Ask DIMO for a developer token with this license"));
    connect(m_test, &QPushButton::clicked, this, &SettingsDialog::requestTest);
    testRow->addWidget(m_test);
    m_testBusy = new QProgressBar(box);
    m_testBusy->setObjectName(u"testBusy"_s);
    m_testBusy->setRange(0, 0); // indeterminate
    m_testBusy->setMaximumWidth(120);
    m_testBusy->setTextVisible(false);
    m_testBusy->setVisible(false);
    testRow->addWidget(m_testBusy);
    testRow->addStretch(1);
    return testRow;
}

QWidget *SettingsDialog::buildTools()
{
    auto *box = new QGroupBox(tr("AI clients and vehicle commands"), this);
    auto *form = new QFormLayout(box);
    m_approval = new QComboBox(box);
    m_approval->setObjectName(u"approvalPolicy"_s);
    form->addRow(tr("Command approval:"), m_approval);
    m_toolset = new QComboBox(box);
    m_toolset->setObjectName(u"toolset"_s);
    form->addRow(tr("Tools offered:"), m_toolset);
    m_toolsNote = noteLabel(u"toolsNote"_s, box);
    form->addRow(QString(), m_toolsNote);
    auto *httpRow = new QHBoxLayout;
    m_httpEnabled = new QCheckBox(tr("Serve MCP over HTTP on 127.0.0.1, port"), box);
    m_httpEnabled->setObjectName(u"httpEnabled"_s);
    m_httpPort = new QSpinBox(box);
    m_httpPort->setObjectName(u"httpPort"_s);
    m_httpPort->setRange(1024, 65535);
    connect(m_httpEnabled, &QCheckBox::toggled, m_httpPort, &QSpinBox::setEnabled);
    httpRow->addWidget(m_httpEnabled);
    httpRow->addWidget(m_httpPort);
    httpRow->addStretch(1);
    form->addRow(tr("HTTP endpoint:"), httpRow);
    return box;
}

QWidget *SettingsDialog::buildGeneral()
{
    auto *box = new QGroupBox(tr("General"), this);
    auto *form = new QFormLayout(box);
    m_startAtLogin = new QCheckBox(tr("Start DIMO Tray when I log in"), box);
    m_startAtLogin->setObjectName(u"startAtLogin"_s);
    form->addRow(QString(), m_startAtLogin);
    m_logLevel = new QComboBox(box);
    m_logLevel->setObjectName(u"logLevel"_s);
    form->addRow(tr("Log level:"), m_logLevel);
    return box;
}

void SettingsDialog::browseEnvironmentFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("DIMO environment file"), m_environmentFile->text(), tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty()) {
        m_environmentFile->setText(path);
        updateButtons();
    }
}

} // namespace ui
