// SPDX-License-Identifier: MIT
// The emblem printed on certificates (PUT/DELETE /certificate-settings/emblem): shows the current one,
// previews a chosen PNG or JPEG, uploads it and says in the user's language why the server refused a file
// (too many bytes, too many pixels, not an image).
#pragma once

#include <QByteArray>
#include <QDialog>
#include <QJsonObject>
#include <QPixmap>

class QLabel;
class QPushButton;

namespace Proctor::Admin::Api {
class ApiClient;
struct ApiError;
} // namespace Proctor::Admin::Api

namespace Proctor::Admin::Views {

class EmblemDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit EmblemDialog(Api::ApiClient *api, QWidget *parent = nullptr);

    // Reads `path` and previews it; false (with the reason in statusText) when it cannot be read.
    bool chooseFile(const QString &path);
    bool hasServerEmblem() const { return m_hasServerEmblem; }
    bool isLoading() const { return m_loading; }
    QPixmap preview() const { return m_preview; }
    QString statusText() const;

    // The sentence shown for a refused upload.
    static QString uploadErrorText(const Api::ApiError &error);

public slots:
    void loadCurrent();
    void upload();
    void removeEmblem();

signals:
    void uploaded(const QJsonObject &info);
    void removed();
    void failed(const QString &message);
    void loaded();

private:
    void browse();
    void showPreview(const QPixmap &pixmap, const QString &caption);
    void setBusy(bool busy);

    Api::ApiClient *m_api;
    QLabel *m_image;
    QLabel *m_caption;
    QLabel *m_status;
    QPushButton *m_choose;
    QPushButton *m_upload;
    QPushButton *m_remove;
    QByteArray m_file;
    QString m_fileName;
    QPixmap m_preview;
    bool m_hasServerEmblem = false;
    bool m_loading = false;
};

} // namespace Proctor::Admin::Views
