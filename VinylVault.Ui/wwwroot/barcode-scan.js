// Scans one barcode with the phone's camera through the BarcodeDetector API (Chromium on Android, Safari 17+).
// Browsers without it, or pages outside a secure context (https or localhost), never show the scan button.
let stream = null;

export function supported() {
    return window.isSecureContext && 'BarcodeDetector' in window;
}

// Resolves with the first barcode seen in the video element's feed, or null when stopped or after 60 s.
export async function scan(videoId) {
    const video = document.getElementById(videoId);
    const detector = new window.BarcodeDetector({ formats: ['ean_13', 'upc_a', 'ean_8', 'upc_e', 'code_128'] });
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    video.srcObject = stream;
    await video.play();
    const until = Date.now() + 60000;
    try {
        while (stream && Date.now() < until) {
            const codes = await detector.detect(video);
            if (codes.length > 0) {
                return codes[0].rawValue;
            }
            await new Promise(resolve => setTimeout(resolve, 150));
        }
        return null;
    } finally {
        stop();
        video.srcObject = null;
    }
}

export function stop() {
    if (stream) {
        stream.getTracks().forEach(track => track.stop());
        stream = null;
    }
}
