#!/usr/bin/env bash
# Publishes VinylVault as a self-contained linux-arm64 build for a Raspberry Pi 4/5 (64-bit OS) and says how to
# install it. Usage: deploy/publish-pi.sh [output-dir]   (default: artifacts/pi)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/pi}

# Self-contained: the Pi needs no .NET installed. ReadyToRun comes with the target (see VinylVault.Api.csproj).
dotnet publish VinylVault.Api/VinylVault.Api.csproj -c Release -r linux-arm64 --self-contained -o "$out" --nologo -v quiet

cp deploy/vinylvault.service deploy/vinylvault.env.example "$out/"

echo "Published $(du -sh "$out" | cut -f1) to $out: $(file -b "$out/VinylVault.Api" | cut -d, -f1-2)"
cat <<TEXT

Install on the Pi (as root):
  rsync -a $out/ pi@raspberrypi.local:/tmp/vinylvault/
  ssh pi@raspberrypi.local
  sudo mkdir -p /opt/vinylvault /etc/vinylvault && sudo rsync -a --delete /tmp/vinylvault/ /opt/vinylvault/
  sudo cp /opt/vinylvault/vinylvault.service /etc/systemd/system/
  sudo install -m 600 /opt/vinylvault/vinylvault.env.example /etc/vinylvault/vinylvault.env   # then edit it
  sudo systemctl daemon-reload && sudo systemctl enable --now vinylvault
  open http://raspberrypi.local:8080
TEXT
