// SPDX-License-Identifier: MIT
#include "views/emblemdialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include "api/apiclient.h"
#include "app/datasize.h"

namespace Proctor::Admin::Views {

namespace {
constexpr int kPreviewSize = 180;
constexpr qint64 kMaxEmblemBytes = 256 * 1024; // the server's limit (docs/api.md, certificate settings)

// What the server is told the body is. It reads the real type from the bytes anyway; anything that is not
// PNG or JPEG goes as what it is, so the server's refusal (415) is the one answer for every wrong file.
QByteArray contentTypeOf(const QByteArray &bytes)
{
    if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return "image/png";
    if (bytes.startsWith("\xFF\xD8\xFF"))
        return "image/jpeg";
    return "application/octet-stream";
}
} // namespace

EmblemDialog::EmblemDialog(Api::ApiClient *api, QWidget *parent)
    : QDialog(parent), m_api(api), m_image(new QLabel(this)), m_caption(new QLabel(this)),
      m_status(new QLabel(this)), m_choose(new QPushButton(tr("Choose image…"), this)),
      m_upload(new QPushButton(tr("Upload"), this)), m_remove(new QPushButton(tr("Delete emblem"), this))
{
    setWindowTitle(tr("Certificate emblem"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The emblem is printed at the top of every certificate. PNG or JPEG, at most "
                                "%1 and 1024×1024 pixels; a square image of about 300×300 prints best.")
                                 .arg(DataSize::text(kMaxEmblemBytes)),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_image->setFixedSize(kPreviewSize + 20, kPreviewSize + 20);
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setFrameShape(QFrame::StyledPanel);
    m_image->setAccessibleName(tr("Emblem preview"));
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(m_image);
    row->addStretch();
    layout->addLayout(row);
    m_caption->setAlignment(Qt::AlignCenter);
    m_caption->setWordWrap(true);
    layout->addWidget(m_caption);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_choose);
    buttons->addWidget(m_upload);
    buttons->addStretch();
    buttons->addWidget(m_remove);
    layout->addLayout(buttons);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_choose, &QPushButton::clicked, this, &EmblemDialog::browse);
    connect(m_upload, &QPushButton::clicked, this, &EmblemDialog::upload);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Delete emblem"),
                                  tr("Delete the emblem? Certificates issued from now on print none.")) ==
            QMessageBox::Yes)
            removeEmblem();
    });
    m_upload->setEnabled(false);
    m_remove->setEnabled(false);
    setMinimumWidth(460);
    showPreview({}, tr("No emblem"));
}

QString EmblemDialog::statusText() const
{
    return m_status->text();
}

QString EmblemDialog::uploadErrorText(const Api::ApiError &error)
{
    if (error.httpStatus == 413 || error.code == QLatin1String("payload_too_large"))
        return tr("The file is too large: the emblem may have at most %1. Save it smaller or as JPEG.")
            .arg(DataSize::text(kMaxEmblemBytes));
    if (error.httpStatus == 415 || error.code == QLatin1String("unsupported_media_type"))
        return tr("This file is not a PNG or JPEG image. Choose a PNG or JPEG file.");
    if (error.code == QLatin1String("validation_failed") && error.field == QLatin1String("/image"))
        return tr("The image has too many pixels: at most 1024×1024. Scale it down and try again.");
    return error.userMessage();
}

void EmblemDialog::showPreview(const QPixmap &pixmap, const QString &caption)
{
    m_preview = pixmap;
    if (pixmap.isNull()) {
        m_image->setPixmap({});
        m_image->setText(tr("No image"));
    } else {
        m_image->setPixmap(
            pixmap.scaled(kPreviewSize, kPreviewSize, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    }
    m_caption->setText(caption);
}

void EmblemDialog::setBusy(bool busy)
{
    m_loading = busy;
    m_choose->setEnabled(!busy);
    m_upload->setEnabled(!busy && !m_file.isEmpty());
    m_remove->setEnabled(!busy && m_hasServerEmblem);
}

void EmblemDialog::loadCurrent()
{
    setBusy(true);
    m_api->get(QStringLiteral("/certificate-settings/emblem"), {}, this, [this](const Api::Response &r) {
        m_hasServerEmblem = r.ok() && !r.body.isEmpty();
        if (m_file.isEmpty()) {
            QPixmap p;
            if (m_hasServerEmblem)
                p.loadFromData(r.body);
            showPreview(p, m_hasServerEmblem ? tr("Current emblem (%1×%2)").arg(p.width()).arg(p.height())
                                             : tr("No emblem yet"));
        }
        if (!r.ok() && r.error.kind != Api::ApiError::Kind::NotFound)
            m_status->setText(r.error.userMessage());
        setBusy(false);
        emit loaded();
    });
}

void EmblemDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose an emblem"), QString(),
                                                      tr("Images (*.png *.jpg *.jpeg);;All files (*)"));
    if (!path.isEmpty())
        chooseFile(path);
}

bool EmblemDialog::chooseFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot read %1: %2").arg(QFileInfo(path).fileName(), f.errorString()));
        return false;
    }
    // Enough to be refused by the server as too large without reading a huge file into memory.
    m_file = f.read(4 * 1024 * 1024);
    m_fileName = QFileInfo(path).fileName();
    QPixmap p;
    p.loadFromData(m_file);
    const QString size = DataSize::text(QFileInfo(path).size());
    showPreview(
        p,
        p.isNull()
            ? tr("%1 (%2): no preview").arg(m_fileName, size)
            : tr("%1: %2×%3, %4, not uploaded yet").arg(m_fileName).arg(p.width()).arg(p.height()).arg(size));
    m_status->clear();
    setBusy(false);
    return true;
}

void EmblemDialog::upload()
{
    if (m_file.isEmpty())
        return;
    setBusy(true);
    m_status->setText(tr("Uploading…"));
    m_api->sendBytes("PUT", QStringLiteral("/certificate-settings/emblem"), {}, m_file, contentTypeOf(m_file),
                     this, [this](const Api::Response &r) {
                         if (!r.ok()) {
                             const QString text = uploadErrorText(r.error);
                             m_status->setText(text);
                             setBusy(false);
                             emit failed(text);
                             return;
                         }
                         const QJsonObject o = r.object();
                         m_file.clear();
                         m_hasServerEmblem = true;
                         m_status->setText(
                             tr("Uploaded: %1×%2, %3. Certificates print it from now on.")
                                 .arg(o.value(QStringLiteral("width")).toInt())
                                 .arg(o.value(QStringLiteral("height")).toInt())
                                 .arg(DataSize::text(o.value(QStringLiteral("bytes")).toInteger())));
                         m_caption->setText(tr("Current emblem (%1×%2)")
                                                .arg(o.value(QStringLiteral("width")).toInt())
                                                .arg(o.value(QStringLiteral("height")).toInt()));
                         setBusy(false);
                         emit uploaded(o);
                     });
}

void EmblemDialog::removeEmblem()
{
    setBusy(true);
    m_api->remove(QStringLiteral("/certificate-settings/emblem"), this, [this](const Api::Response &r) {
        if (!r.ok() && r.error.kind != Api::ApiError::Kind::NotFound) {
            m_status->setText(r.error.userMessage());
            setBusy(false);
            emit failed(r.error.userMessage());
            return;
        }
        m_hasServerEmblem = false;
        m_file.clear();
        showPreview({}, tr("No emblem yet"));
        m_status->setText(tr("The emblem was deleted."));
        setBusy(false);
        emit removed();
    });
}

} // namespace Proctor::Admin::Views
