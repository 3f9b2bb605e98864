// libqrencode's one public header (Debian: libqrencode-dev); only QRCode.swift imports it.
#include <qrencode.h>
